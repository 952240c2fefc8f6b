using System.Security.Cryptography;
using MMFuse.Data;
using MMFuse.Serve.Contracts;

namespace MMFuse.Serve;

/// <summary>
/// The served model with what the server derives from it once: the options every prediction uses, the description
/// GET /v1/model returns, and readiness — set after the warm-up prediction has loaded every encoder.
/// </summary>
internal sealed class ModelHost : IDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ModelHost(MultimodalModel model, string path, ServeOptions options)
    {
        Model = model;
        Predicting = new PredictOptions
        {
            // No feature cache: requests' media are not written to disk, and memory stays flat however many arrive.
            UseCache = false,
            AllowedPathRoot = options.AllowedPathRoot is null ? null : Path.GetFullPath(options.AllowedPathRoot),
            MaxImagePixels = options.MaxImagePixels,
            MaxAudioSeconds = options.MaxAudioSeconds,
            MaxMediaBytes = options.MaxRequestBytes,
            Threads = options.Threads,
        };
        Roles = model.Roles;
        Description = Describe(model, path, options);
    }

    public MultimodalModel Model { get; }

    public PredictOptions Predicting { get; }

    public IReadOnlyDictionary<string, ColumnRole> Roles { get; }

    public ModelDescription Description { get; }

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the warm-up has run; the batcher starts predicting only then.</summary>
    public Task Ready => _ready.Task;

    /// <summary>One made-up row through every encoder, so the first request does not pay for loading them.</summary>
    public void WarmUp()
    {
        try
        {
            Model.WarmUp(Predicting);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
            throw;
        }
    }

    private static ModelDescription Describe(MultimodalModel model, string path, ServeOptions options)
    {
        string hash;
        using (var file = File.OpenRead(path))
            hash = Convert.ToHexStringLower(SHA256.HashData(file));
        var manifest = model.Manifest;
        return new ModelDescription(
            Path.GetFileName(path), hash, model.Task.ToString().ToLowerInvariant(), manifest.Schema.Label,
            model.Columns.Select(c => new ColumnDescription(c, model.Roles[c].Name())).ToList(),
            model.Classes, model.Strategy, model.Fusion, model.Modalities,
            manifest.Extractors.Select(e => new ExtractorDescription(e.Column, e.Modality.Name(), e.Id, e.Version, e.Dimension)).ToList(),
            model.TrainingMetrics, manifest.FormatVersion, manifest.LibraryVersion,
            new ServerLimits(options.MaxBatch, options.MaxRequestBytes, options.MaxRowsPerRequest, options.MaxImagePixels, options.MaxAudioSeconds,
                options.AllowedPathRoot is not null));
    }

    public void Dispose() => Model.Dispose();
}
