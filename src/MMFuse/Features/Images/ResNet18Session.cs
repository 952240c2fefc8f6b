using Microsoft.ML.OnnxRuntime;

namespace MMFuse.Features.Images;

/// <summary>
/// One ONNX Runtime session pair: ResNetPreprocess.onnx (RGB planes to BGR minus the ImageNet mean image) then
/// ResNet18.onnx (up to the 512-d global average pool). Both graphs fix batch = 1, so a session encodes one
/// 224x224 image per call; throughput comes from running several of these in parallel (see docs/image-features.md).
/// Not thread-safe: one caller at a time. The audio team's resnet18-spectrogram feeds rendered spectrograms here.
/// </summary>
internal sealed class ResNet18Session : IDisposable
{
    public const int InputSize = 224;
    public const int Dimension = 512;
    private const int PlaneSize = InputSize * InputSize;
    private static readonly long[] InputShape = [1, 3, InputSize, InputSize];

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly RunOptions _runOptions = new();

    public ResNet18Session(ResNet18ModelFiles files, int intraOpThreads = 1)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _preprocess = new InferenceSession(files.PreprocessPath, options);
        try
        {
            _network = new InferenceSession(files.ModelPath, options);
        }
        catch
        {
            _preprocess.Dispose();
            throw;
        }
    }

    /// <summary>The 512-d embedding of an image that is already exactly 224x224.</summary>
    public float[] Encode(RgbImage image)
    {
        if (image.Width != InputSize || image.Height != InputSize)
            throw new ArgumentException($"ResNet18 needs {InputSize}x{InputSize} input, got {image.Width}x{image.Height}", nameof(image));

        using var preprocessed = RunGraph(_preprocess, "OriginalInput", "PreprocessedInput", ToPlanarRgb(image));
        using var outputs = _network.Run(_runOptions, ["Input247"], [preprocessed[0]], ["Pooling395_Output_0"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Runs only the preprocessing graph on a 1x3x224x224 planar tensor (for inspecting what it computes).</summary>
    public float[] Preprocess(float[] planarRgb)
    {
        using var outputs = RunGraph(_preprocess, "OriginalInput", "PreprocessedInput", planarRgb);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>The graph's input layout: planes R, G, B, each row-major, raw 0..255 values (no scaling).</summary>
    internal static float[] ToPlanarRgb(RgbImage image)
    {
        var planar = new float[3 * PlaneSize];
        for (int p = 0; p < PlaneSize; p++)
        {
            planar[p] = image.Pixels[p * 3];
            planar[PlaneSize + p] = image.Pixels[p * 3 + 1];
            planar[2 * PlaneSize + p] = image.Pixels[p * 3 + 2];
        }
        return planar;
    }

    private IDisposableReadOnlyCollection<OrtValue> RunGraph(InferenceSession session, string input, string output, float[] planar)
    {
        if (planar.Length != 3 * PlaneSize)
            throw new ArgumentException($"expected {3 * PlaneSize} values, got {planar.Length}", nameof(planar));
        using var tensor = OrtValue.CreateTensorValueFromMemory(planar, InputShape);
        return session.Run(_runOptions, [input], [tensor], [output]);
    }

    public void Dispose()
    {
        _network.Dispose();
        _preprocess.Dispose();
        _runOptions.Dispose();
    }
}
