package dev.videogen4j.emulator.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections have TCP_NODELAY set. MockWebServer writes a response in
 * several small pieces; with Nagle's algorithm and the client's delayed ACK each exchange then
 * stalls ~40 ms, which would make the emulator 40× slower than it needs to be.
 *
 * <p>They also listen with a backlog of {@value #BACKLOG} where MockWebServer asks for 50: a
 * client opening thousands of connections at once (a status stream per job) would otherwise
 * overflow the accept queue and wait out TCP's one-second SYN retransmit.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
    static final int BACKLOG = 4096;

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(port));
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(port), backlog);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
            throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public void bind(java.net.SocketAddress endpoint, int backlog) throws IOException {
            super.bind(endpoint, Math.max(backlog, BACKLOG));
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
