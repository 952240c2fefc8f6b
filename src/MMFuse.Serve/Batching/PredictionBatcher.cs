using System.Diagnostics;
using System.Threading.Channels;
using MMFuse.Data;
using MMFuse.Serve.Http;
using Microsoft.Extensions.Hosting;

namespace MMFuse.Serve.Batching;

/// <summary>
/// Dynamic batching: requests wait in a bounded queue; one worker takes as many as fit in <see cref="ServeOptions.MaxBatch"/>
/// rows, waiting at most <see cref="ServeOptions.MaxDelayMs"/> for more, and predicts them all in one model call, so the
/// encoders and the fusion model run once per batch instead of once per request. Each request's rows were validated
/// on their own before they were queued; if the batch still fails on input (a file that only fails to decode), every
/// request of it is predicted alone, so only the one at fault gets the error — with its own row indices. On shutdown
/// the queue closes and the worker finishes what is queued.
/// </summary>
internal sealed class PredictionBatcher(ModelHost host, ServeOptions options, ServeMetrics metrics) : IHostedService
{
    private readonly Channel<BatchRequest> _queue = Channel.CreateBounded<BatchRequest>(
        new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task _worker = Task.CompletedTask;
    private volatile bool _closed;

    /// <summary>Queues a request's (validated) rows; the task completes with their predictions in row order.</summary>
    /// <exception cref="QueueFullException">The queue is full or closed.</exception>
    public Task<IReadOnlyList<Prediction>> Enqueue(IReadOnlyList<MultimodalRow> rows, bool explain)
    {
        var request = new BatchRequest(rows, explain);
        if (!_queue.Writer.TryWrite(request))
            throw new QueueFullException(_closed ? "the server is shutting down" : "the prediction queue is full; retry shortly");
        metrics.QueueLength.Inc();
        return request.Result.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: model calls are long CPU work that would otherwise hold a thread-pool thread Kestrel needs.
        _worker = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        _queue.Writer.TryComplete();
        await _worker.WaitAsync(cancellationToken);
    }

    private void Work()
    {
        // Rows queued during the warm-up wait for it; a model that cannot even warm up fails them all.
        try
        {
            host.Ready.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            // The server's fault, not the request's, even when the cause is an input exception: answered as a 500.
            var failure = new InvalidOperationException("the model failed its warm-up prediction; see the server's log", ex);
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                while (_queue.Reader.TryRead(out var request))
                {
                    metrics.QueueLength.Dec();
                    request.Result.TrySetException(failure);
                }
            return;
        }
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var batch = Collect();
            if (batch.Count > 0)
                Run(batch);
        }
    }

    /// <summary>Takes queued requests up to the row limit, waiting up to the delay for more; a larger request goes alone.</summary>
    private List<BatchRequest> Collect()
    {
        var batch = new List<BatchRequest>();
        var rows = 0;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * options.MaxDelayMs / 1000;
        while (true)
        {
            if (_queue.Reader.TryPeek(out var next))
            {
                if (batch.Count > 0 && rows + next.Rows.Count > options.MaxBatch)
                    break;
                _queue.Reader.TryRead(out _);
                metrics.QueueLength.Dec();
                batch.Add(next);
                rows += next.Rows.Count;
                if (rows >= options.MaxBatch)
                    break;
                continue;
            }
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count > 0 && left <= TimeSpan.Zero)
                break;
            using var wait = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            try
            {
                if (!_queue.Reader.WaitToReadAsync(wait.Token).AsTask().GetAwaiter().GetResult())
                    break;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return batch;
    }

    private void Run(List<BatchRequest> batch)
    {
        var rows = batch.SelectMany(b => b.Rows).ToList();
        var clock = Stopwatch.StartNew();
        try
        {
            var set = host.Model.Predict(rows, host.Predicting with { Explain = batch.Any(b => b.Explain) });
            metrics.BatchRows.Observe(rows.Count);
            metrics.BatchSeconds.Observe(clock.Elapsed.TotalSeconds);
            var offset = 0;
            foreach (var request in batch)
            {
                var predictions = Enumerable.Range(offset, request.Rows.Count).Select(i => Strip(set[i], request.Explain)).ToList();
                offset += request.Rows.Count;
                Count(predictions);
                request.Result.TrySetResult(predictions);
            }
        }
        catch (MMFuseInputException) when (batch.Count > 1)
        {
            foreach (var request in batch)
                Run([request]);
        }
        catch (Exception ex)
        {
            foreach (var request in batch)
                request.Result.TrySetException(ex);
        }
    }

    /// <summary>A batch explains every row if one request asked; the others do not get what they did not ask for.</summary>
    private static Prediction Strip(Prediction prediction, bool explain) => explain ? prediction : prediction with { Explanation = null };

    private void Count(IReadOnlyList<Prediction> predictions)
    {
        metrics.PredictedRows.Inc(predictions.Count);
        foreach (var modality in predictions.SelectMany(p => p.Absent))
            metrics.AbsentRows.WithLabels(modality).Inc();
    }
}
