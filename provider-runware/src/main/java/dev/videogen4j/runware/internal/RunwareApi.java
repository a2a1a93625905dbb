package dev.videogen4j.runware.internal;

import java.util.List;
import java.util.Map;
import okhttp3.ResponseBody;
import dev.videogen4j.http.internal.ExchangeLog;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * Runware's REST surface: one URL, every task type, a JSON array of tasks in the body.
 *
 * <pre>{@code
 * Response<ResponseBody> r = api.run("https://api.runware.ai/v1", List.of(task),
 *         new ExchangeLog.Label("submit", "task " + taskUUID)).execute();
 * }</pre>
 */
public interface RunwareApi {
    // The endpoint is passed whole (@Url) so it is used exactly as configured: Runware's URL has no trailing
    // slash, which a Retrofit base URL would need. The body stays raw so error bodies and legacy shapes can be
    // read by one parser, whatever the status.
    // The label only names the call in the HTTP log, which reads no bodies.
    @POST
    Call<ResponseBody> run(@Url String endpoint, @Body List<Map<String, Object>> tasks, @Tag ExchangeLog.Label label);
}
