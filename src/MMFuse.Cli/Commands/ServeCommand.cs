using System.CommandLine;
using MMFuse.Serve;
using Spectre.Console;

namespace MMFuse.Cli.Commands;

/// <summary>
/// <c>mmfuse serve MODEL.mmf</c>: the model behind HTTP (see docs/serving.md) until SIGTERM or Ctrl+C, which lets
/// in-flight requests finish.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new ServeOptions();
        var modelPath = new Argument<string>("model") { Description = "A model file written by mmfuse train" };
        var host = new Option<string>("--host") { Description = "Address to bind (loopback by default; 0.0.0.0 or * for every interface)", DefaultValueFactory = _ => defaults.Host };
        var port = new Option<int>("--port") { Description = "Port to listen on (0: a free one)", DefaultValueFactory = _ => defaults.Port };
        var maxBatch = new Option<int>("--max-batch") { Description = "Most rows predicted together in one model call", DefaultValueFactory = _ => defaults.MaxBatch };
        var maxDelay = new Option<int>("--max-delay-ms") { Description = "How long a batch that is not full waits for more rows", DefaultValueFactory = _ => defaults.MaxDelayMs };
        var maxQueue = new Option<int>("--max-queue") { Description = "Requests that may wait for the batcher; more get 503", DefaultValueFactory = _ => defaults.QueueCapacity };
        var apiKeyFile = new Option<string?>("--api-key-file") { Description = "Require 'Authorization: Bearer KEY' with the key in this file (/healthz stays open)" };
        var maxRequestMb = new Option<double>("--max-request-mb") { Description = "Largest request body in MiB (413 above)", DefaultValueFactory = _ => defaults.MaxRequestBytes / (double)(1 << 20) };
        var allowPaths = new Option<string?>("--allow-paths") { Description = "Let requests name files by path, only inside this folder (refused otherwise)" };
        var maxPixels = new Option<long>("--max-image-pixels") { Description = "Refuse an image whose header declares more pixels", DefaultValueFactory = _ => defaults.MaxImagePixels };
        var maxAudio = new Option<double>("--max-audio-seconds") { Description = "Refuse a longer audio clip", DefaultValueFactory = _ => defaults.MaxAudioSeconds };
        var threads = new Option<int>("--threads") { Description = "Decoding and inference threads per batch", DefaultValueFactory = _ => defaults.Threads };
        var signingKey = new SigningKeyArgument("Require the model to be signed with the secret key in this file (train --sign-key); refuse it otherwise");
        var command = new Command("serve", "Serve a saved model over HTTP: REST API, web page, metrics")
        {
            modelPath, host, port, maxBatch, maxDelay, maxQueue, apiKeyFile, maxRequestMb, allowPaths, maxPixels, maxAudio, threads, signingKey.Option,
        };
        command.SetAction(parse =>
        {
            var options = new ServeOptions
            {
                Host = parse.GetValue(host)!, Port = parse.GetValue(port), MaxBatch = parse.GetValue(maxBatch), MaxDelayMs = parse.GetValue(maxDelay),
                QueueCapacity = parse.GetValue(maxQueue), ApiKeyFile = parse.GetValue(apiKeyFile), MaxRequestBytes = (long)(parse.GetValue(maxRequestMb) * (1 << 20)),
                AllowedPathRoot = parse.GetValue(allowPaths), MaxImagePixels = parse.GetValue(maxPixels), MaxAudioSeconds = parse.GetValue(maxAudio),
                Threads = parse.GetValue(threads),
            };
            var server = ModelServer.StartAsync(parse.GetValue(modelPath)!, options, signingKey.Read(parse)).GetAwaiter().GetResult();
            try
            {
                if (options.ApiKeyFile is null && options.Host is not ("127.0.0.1" or "::1" or "localhost"))
                    context.Warn($"serving on {options.Host} without --api-key-file: anyone who can reach this port can use the model");
                context.Out.MarkupLine($"serving [bold]{Markup.Escape(parse.GetValue(modelPath)!)}[/] on [bold]{Markup.Escape(server.BaseAddress.ToString())}[/] " +
                    "(web page at /, API reference at /scalar); Ctrl+C or SIGTERM stops it");
                server.WaitForShutdownAsync().GetAwaiter().GetResult();
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return 0;
        });
        return command;
    }
}
