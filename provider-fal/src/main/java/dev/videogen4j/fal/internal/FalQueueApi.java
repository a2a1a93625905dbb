package dev.videogen4j.fal.internal;

import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Url;

/**
 * fal's queue API. URLs are built by {@link FalUrls} because the path depends on the endpoint id's shape
 * (sub-paths, namespaces, legacy ids), which Retrofit's {@code @Path} cannot express. Bodies stay raw so
 * that error bodies, 202-vs-200 and malformed JSON are all handled by our own parsers.
 *
 * <pre>{@code
 * Response<ResponseBody> r = api.status(urls.status(endpoint, requestId)).execute();
 * }</pre>
 */
public interface FalQueueApi {
    /** {@code POST {queue}/{endpoint_id}[?fal_webhook=...]} with the model input as the body. */
    @POST
    Call<ResponseBody> submit(@Url HttpUrl url, @HeaderMap Map<String, String> headers, @Body RequestBody input);

    /** {@code GET {queue}/{owner}/{app}/requests/{id}/status?logs=1}. */
    @GET
    Call<ResponseBody> status(@Url HttpUrl url);

    /** {@code GET {queue}/{owner}/{app}/requests/{id}}. */
    @GET
    Call<ResponseBody> result(@Url HttpUrl url);

    /** {@code PUT {queue}/{owner}/{app}/requests/{id}/cancel}, no body. */
    @PUT
    Call<ResponseBody> cancel(@Url HttpUrl url);
}
