using System.Net;
using MMFuse.Data;
using MMFuse.Serve;

namespace MMFuse.Tests.Serve;

/// <summary>With an API key file, only requests bearing the key get through; /healthz and the static pages stay open.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeAuthTests(ServedModels models)
{
    [Fact]
    public async Task Without_the_bearer_key_requests_get_401_and_healthz_stays_open()
    {
        using var dir = new TempDirectory();
        const string Key = "k3y-for-the-serve-tests-0123456789";
        var keyFile = dir.Write("api.key", Key + "\n");
        await using var server = await RunningServer.StartAsync(models.AvDigits.Path, new ServeOptions { ApiKeyFile = keyFile });
        var body = JsonRowsFrom.Body(SampleTable.Read(models.AvDigits.Table, 1), JsonRowsFrom.Roles(models.AvDigits.Path));

        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/")).StatusCode);
        foreach (var path in new[] { "/v1/model", "/readyz", "/metrics" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync(path)).StatusCode);
        var refused = await server.PostJsonAsync("/v1/predict", body);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostJsonAsync("/v1/predict", body, key: Key + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostJsonAsync("/v1/predict", body, key: Key[..^1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.PostJsonAsync("/v1/predict", body, key: Key)).StatusCode);
    }

    [Fact]
    public async Task A_short_or_missing_key_file_is_refused_before_listening()
    {
        using var dir = new TempDirectory();
        var shortKey = dir.Write("short.key", "abc");
        var error = await Assert.ThrowsAsync<MMFuseInputException>(() => ModelServer.StartAsync(models.AvDigits.Path, new ServeOptions { Port = 0, ApiKeyFile = shortKey }));
        Assert.Contains("shorter than 16 characters", error.Message);
        Assert.DoesNotContain("abc", error.Message.Replace(shortKey, ""));
        await Assert.ThrowsAsync<MMFuseInputException>(() => ModelServer.StartAsync(models.AvDigits.Path, new ServeOptions { Port = 0, ApiKeyFile = dir.File("none.key") }));
    }
}
