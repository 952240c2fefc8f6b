namespace MMFuse.Features.Images;

/// <summary>
/// <c>resnet18</c>: 512-d embeddings from the pretrained ResNet18 shipped by Microsoft.ML.DnnImageFeaturizer.ResNet18,
/// run with ONNX Runtime. Images are fitted to 224x224 (centre crop or stretch), then preprocessed by the package's
/// own graph. Sessions are created on first use and reused; Encode calls are serialised.
/// </summary>
public sealed class ResNet18Encoder : IImageFeaturizer, IDisposable
{
    private readonly ResNet18Options _options;
    private readonly ResNet18ModelFiles _files;
    private readonly int _maxSessions;
    private readonly List<ResNet18Session> _sessions = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>An encoder with <paramref name="options"/>; the model files are found now, the ONNX sessions created on
    /// first use.</summary>
    public ResNet18Encoder(ResNet18Options? options = null)
    {
        _options = options ?? new ResNet18Options();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Sessions, nameof(ResNet18Options.Sessions));
        _files = ResNet18ModelFiles.Locate(_options.ModelDirectory);
        _maxSessions = _options.Sessions > 0 ? _options.Sessions : Math.Clamp(Environment.ProcessorCount, 1, 8);
    }

    /// <summary><inheritdoc /></summary>
    public string Id => "resnet18";
    /// <summary><inheritdoc /></summary>
    public string Version => _options.CenterCrop ? "1;fit=crop" : "1;fit=stretch";
    /// <summary><inheritdoc /></summary>
    public int Dimension => ResNet18Session.Dimension;
    /// <summary><inheritdoc /></summary>
    public int DecodeSide => ResNet18Session.InputSize;

    /// <summary>SHA-256 of both model files; part of the cache key so a different model never reuses vectors.</summary>
    public string ModelHash => _files.Sha256;

    /// <summary><inheritdoc /></summary>
    public float[][] Encode(IReadOnlyList<RgbImage> images)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new float[images.Count][];
            if (images.Count == 0)
                return result;

            int workers = Math.Min(_maxSessions, images.Count);
            while (_sessions.Count < workers)
                _sessions.Add(new ResNet18Session(_files));

            // Worker w owns session w and images w, w + workers, ...: each image's vector is independent of
            // how images are split, so the output does not depend on the session count.
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (int i = w; i < images.Count; i += workers)
                    result[i] = _sessions[w].Encode(Fit(images[i]));
            });
            return result;
        }
    }

    /// <summary>The 224x224 image the network sees.</summary>
    internal RgbImage Fit(RgbImage image) => _options.CenterCrop
        ? ImageResizer.CenterCropResize(image, ResNet18Session.InputSize, ResNet18Session.InputSize)
        : ImageResizer.Resize(image, ResNet18Session.InputSize, ResNet18Session.InputSize);

    /// <summary>Releases the ONNX Runtime sessions; encoding afterwards throws
    /// <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var session in _sessions)
                session.Dispose();
            _sessions.Clear();
        }
    }
}
