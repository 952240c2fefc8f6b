using TorchSharp;

namespace MMFuse.Learners.Torch;

/// <summary>
/// Scalars that live as long as the process. TorchSharp 0.107 turns every number passed to a tensor operation into
/// a temporary <see cref="Scalar"/> whose finalizer frees its native memory, and it passes only the raw handle to
/// libtorch; a collection started by any other thread can then free the Scalar while libtorch still reads it
/// ("Unknown scalar type", "toFloat at c10/core/Scalar.h"). That includes the hidden <c>alpha = 1</c> of
/// <c>a + b</c>, <c>a.add(b)</c>, <c>a.sub(b)</c> and <c>add_(scalar)</c>. Code on the training and prediction path
/// therefore never lets TorchSharp make a Scalar: it passes one of these, or one it holds in a <c>using</c> until
/// the call has returned.
/// </summary>
internal static class HeldScalars
{
    /// <summary>1 (int64, as TorchSharp's hidden default alpha): pass as <c>alpha</c> to add and sub.</summary>
    public static readonly Scalar One = 1.ToScalar();
}
