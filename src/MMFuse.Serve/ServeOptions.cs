namespace MMFuse.Serve;

/// <summary>How <c>mmfuse serve</c> listens, batches and limits requests. Every default is the command line's.</summary>
public sealed record ServeOptions
{
    /// <summary>The address to bind; loopback unless deliberately opened up.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (see <see cref="ModelServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Most rows predicted together in one model call.</summary>
    public int MaxBatch { get; init; } = 16;

    /// <summary>How long the batcher waits for more rows before running a batch that is not full.</summary>
    public int MaxDelayMs { get; init; } = 5;

    /// <summary>Requests waiting for the batcher; one more is answered 503.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>A file holding the API key; null leaves the API open (bind to loopback then).</summary>
    public string? ApiKeyFile { get; init; }

    /// <summary>Largest request body in bytes; a larger one is answered 413.</summary>
    public long MaxRequestBytes { get; init; } = 20L << 20;

    /// <summary>Most rows in one request.</summary>
    public int MaxRowsPerRequest { get; init; } = 256;

    /// <summary>A folder whose files requests may name by path; null refuses every path.</summary>
    public string? AllowedPathRoot { get; init; }

    /// <summary>An image declaring more pixels in its header is refused before it is decoded.</summary>
    public long MaxImagePixels { get; init; } = 25_000_000;

    /// <summary>A longer clip is refused (from a WAV header before decoding, else once decoded).</summary>
    public double MaxAudioSeconds { get; init; } = 60;

    /// <summary>Decoding and inference threads per batch.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks the values before anything starts; messages name the setting (the CLI shows its flag).</summary>
    internal void Validate()
    {
        static void Check(bool ok, string message)
        {
            if (!ok) throw new Data.MMFuseInputException(message);
        }
        Check(Port is >= 0 and <= 65535, $"ServeOptions.Port: {Port} is not a port number (0-65535)");
        Check(MaxBatch >= 1, $"ServeOptions.MaxBatch: {MaxBatch} is not a positive number of rows");
        Check(MaxDelayMs >= 0, $"ServeOptions.MaxDelayMs: {MaxDelayMs} is negative");
        Check(QueueCapacity >= 1, $"ServeOptions.QueueCapacity: {QueueCapacity} is not a positive number of requests");
        Check(MaxRequestBytes >= 1024, $"ServeOptions.MaxRequestBytes: {MaxRequestBytes} bytes is too small for any request");
        Check(MaxRowsPerRequest >= 1, $"ServeOptions.MaxRowsPerRequest: {MaxRowsPerRequest} is not positive");
        Check(MaxImagePixels >= 1, $"ServeOptions.MaxImagePixels: {MaxImagePixels} is not positive");
        Check(MaxAudioSeconds > 0, $"ServeOptions.MaxAudioSeconds: {MaxAudioSeconds} is not positive");
        Check(Threads >= 1, $"ServeOptions.Threads: {Threads} is not positive");
        Check(AllowedPathRoot is null || Directory.Exists(AllowedPathRoot), $"ServeOptions.AllowedPathRoot: no such folder '{AllowedPathRoot}'");
    }
}
