using MMFuse.Features;
using Microsoft.ML.OnnxRuntime;

namespace MMFuse.Bench;

/// <summary>
/// The bound for row 1: the package's two ResNet18 graphs run straight from ONNX Runtime on tensors that are already
/// 224x224 planar floats, with one single-threaded session pair per worker (both graphs fix batch = 1).
/// Written independently of MMFuse's ResNet18Session so the bound does not inherit its overheads.
/// </summary>
internal sealed class RawResNet18 : IDisposable
{
    private const int Size = 224;
    private static readonly long[] Shape = [1, 3, Size, Size];
    private readonly (InferenceSession Prep, InferenceSession Net)[] _workers;

    public RawResNet18(string modelDir, int workers)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _workers = [.. Enumerable.Range(0, workers).Select(_ => (
            new InferenceSession(Path.Combine(modelDir, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), options),
            new InferenceSession(Path.Combine(modelDir, "ResNet18Onnx", "ResNet18.onnx"), options)))];
    }

    /// <summary>R, G, B planes of raw 0..255 values: the preprocessing graph's input layout.</summary>
    public static float[] Planar(RgbImage image)
    {
        var plane = Size * Size;
        var planar = new float[3 * plane];
        for (var p = 0; p < plane; p++)
            for (var c = 0; c < 3; c++)
                planar[c * plane + p] = image.Pixels[p * 3 + c];
        return planar;
    }

    public float[][] Encode(float[][] tensors)
    {
        var result = new float[tensors.Length][];
        Parallel.For(0, _workers.Length, new ParallelOptions { MaxDegreeOfParallelism = _workers.Length }, w =>
        {
            var (prep, net) = _workers[w];
            using var run = new RunOptions();
            for (var i = w; i < tensors.Length; i += _workers.Length)
            {
                using var input = OrtValue.CreateTensorValueFromMemory(tensors[i], Shape);
                using var preprocessed = prep.Run(run, ["OriginalInput"], [input], ["PreprocessedInput"]);
                using var output = net.Run(run, ["Input247"], [preprocessed[0]], ["Pooling395_Output_0"]);
                result[i] = output[0].GetTensorDataAsSpan<float>().ToArray();
            }
        });
        return result;
    }

    public void Dispose()
    {
        foreach (var (prep, net) in _workers)
        {
            prep.Dispose();
            net.Dispose();
        }
    }
}
