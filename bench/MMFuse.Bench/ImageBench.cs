using MMFuse.Features;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Bench;

/// <summary>
/// Row 1: images per second, file to 512-d ResNet18 vector. MMFuse's pipeline (no cache) against ML.NET's own
/// LoadImages → ResizeImages → ExtractPixels → DnnFeaturizeImage on the same files and model, and against a raw
/// ONNX Runtime loop over pre-decoded 224x224 tensors (the bound: no file reading, decoding or resizing).
/// Model loading is outside the timed part for all three (each side is warmed up once first).
/// </summary>
internal sealed class ImageBench(Datasets data, string mlnetPeerDll, int count, int rounds, TextWriter log)
{

    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        var files = data.EmojiImages(count);
        var cells = files.Select((f, i) => new FeatureCell(i + 1, f, null)).ToArray();
        float[][] mmfuseVectors = [], mlnetVectors = [], rawVectors = [];

        using var extractor = ImageFeatureExtractor.Create("resnet18");
        var options = new ExtractionOptions();

        using var mlnet = new MlNetPeerProcess(mlnetPeerDll, files);
        var modelDir = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

        // The bound's input: decoded and fitted by MMFuse's own code, so its vectors should match MMFuse's.
        var tensors = files.Select(f => RawResNet18.Planar(ImageResizer.CenterCropResize(ImageDecoder.Decode(File.ReadAllBytes(f)), 224, 224))).ToArray();
        using var raw = new RawResNet18(modelDir, Environment.ProcessorCount);

        var seconds = Alternation.Seconds(rounds,
        [
            ("MMFuse", () => Alternation.Time(() => mmfuseVectors = FeaturePipeline.Run(extractor, "image", cells, null, options).Block.Rows)),
            ("ML.NET", mlnet.Run),
            ("raw ORT", () => Alternation.Time(() => rawVectors = raw.Encode(tensors))),
        ], log);

        mlnetVectors = mlnet.Vectors(512);
        var sides = new[]
        {
            new SideResult("MMFuse FeaturePipeline (resnet18, no cache)", "images/s", Alternation.Rates(count, seconds[0])),
            new SideResult("ML.NET LoadImages→Resize→ExtractPixels→DnnFeaturizeImage", "images/s", Alternation.Rates(count, seconds[1])),
            new SideResult("raw ONNX Runtime, pre-decoded 224x224 tensors (bound)", "images/s", Alternation.Rates(count, seconds[2])),
        };
        var checks = new[]
        {
            new CheckResult("MMFuse / ML.NET", Stats.Ratios(sides[0], sides[1]), 1.3, true, "≥ 1.3×",
                "both run the same ONNX graphs on the same ONNX Runtime version, so the whole difference is the pipeline around them: " +
                "decoding and resizing, and one shared session with default threading (ML.NET) against parallel single-threaded sessions (MMFuse)."),
            new CheckResult("MMFuse / raw bound", Stats.Ratios(sides[0], sides[2]), 0.85, true, "≥ 0.85×",
                "the bound skips reading, hashing, PNG decoding and resizing; MMFuse does those on the same cores that run inference."),
        };
        var notes = new List<string>
        {
            $"ML.NET ran in a process of its own ({mlnet.Versions}): ML.NET's ImageAnalytics needs SkiaSharp 2.88, MMFuse uses 3.119. " +
            "Its time is measured inside that process around Transform + GetColumn, so process start and model loading are not counted.",
            $"Threads: MMFuse {options.Threads} decode threads and {Math.Clamp(Environment.ProcessorCount, 1, 8)} single-threaded session pairs (its defaults); " +
            $"ML.NET as it sets itself up (its cursor splits rows across threads, all sharing one session with ONNX Runtime's default threading); raw bound {Environment.ProcessorCount} single-threaded session pairs, batch 1.",
            $"Agreement (mean cosine over the {count} images): MMFuse vs raw {Cosine(mmfuseVectors, rawVectors):F5}, " +
            $"MMFuse vs ML.NET {Cosine(mmfuseVectors, mlnetVectors):F3} (ML.NET does not composite the emoji's transparency on white).",
        };
        return new RowResult("images", "Images/s, file → 512-d ResNet18 vector",
            $"{count} emoji PNGs (64x64 RGBA), {rounds} alternating rounds", sides, checks, notes, loadBefore, MachineInfo.LoadAverage());
    }

    private static double Cosine(float[][] a, float[][] b)
    {
        if (a.Length == 0 || a.Length != b.Length)
            return double.NaN;
        return a.Zip(b, (x, y) =>
        {
            double dot = 0, nx = 0, ny = 0;
            for (var i = 0; i < x.Length; i++) { dot += x[i] * y[i]; nx += x[i] * x[i]; ny += y[i] * y[i]; }
            return dot / Math.Sqrt(nx * ny);
        }).Average();
    }
}
