using Prometheus;

namespace MMFuse.Serve.Http;

/// <summary>
/// What <c>/metrics</c> shows, in a registry of this server's own (not prometheus-net's process-wide default), so
/// several servers in one process — tests — never mix their counts.
/// </summary>
internal sealed class ServeMetrics
{
    public ServeMetrics()
    {
        // Process and .NET runtime figures (working set, managed heap, GC counts): memory staying flat is a property to watch.
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("mmfuse_http_requests_total", "HTTP requests answered, by endpoint and status code.",
            new CounterConfiguration { LabelNames = ["endpoint", "status"] });
        RequestSeconds = factory.CreateHistogram("mmfuse_http_request_duration_seconds", "Time to answer an HTTP request, by endpoint and status code.",
            new HistogramConfiguration { LabelNames = ["endpoint", "status"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        BatchRows = factory.CreateHistogram("mmfuse_batch_rows", "Rows predicted together in one model call (dynamic batching).",
            new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        BatchSeconds = factory.CreateHistogram("mmfuse_batch_duration_seconds", "Time of one model call over a batch.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        QueueLength = factory.CreateGauge("mmfuse_queue_requests", "Requests waiting for the batcher.");
        PredictedRows = factory.CreateCounter("mmfuse_predicted_rows_total", "Rows predicted.");
        AbsentRows = factory.CreateCounter("mmfuse_absent_rows_total", "Predicted rows that lacked a modality, by modality.",
            new CounterConfiguration { LabelNames = ["modality"] });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter Requests { get; }

    public Histogram RequestSeconds { get; }

    public Histogram BatchRows { get; }

    public Histogram BatchSeconds { get; }

    public Gauge QueueLength { get; }

    public Counter PredictedRows { get; }

    public Counter AbsentRows { get; }
}
