using MMFuse.Features.Text;

namespace MMFuse.Tests.Features.Text;

/// <summary>One encoder for all MiniLM tests: loading the 90 MB model takes about a second.</summary>
public sealed class MiniLmEncoderFixture : IDisposable
{
    // Small batches so that the batching tests cross several batch boundaries with few texts.
    public MiniLmEncoder Encoder { get; } = new(new MiniLmOptions(BatchSize: 4));

    public void Dispose() => Encoder.Dispose();
}
