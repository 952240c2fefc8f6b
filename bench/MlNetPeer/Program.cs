using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

// ML.NET's own image featurisation pipeline, kept loaded between runs so only the transform is timed:
//   MlNetPeer LIST_FILE      (one absolute image path per line)
// stdin "run" → stdout "seconds S"; "dump PATH" → the last run's vectors as little-endian float32, row after row;
// "quit" ends. The first line written is "ready mlnet=V ort=V skia=V".
var paths = File.ReadAllLines(args[0]).Where(l => l.Length > 0).Select(p => new ImageInput { ImagePath = p }).ToArray();
var ml = new MLContext(seed: 1);
var input = ml.Data.LoadFromEnumerable(paths);
var modelDir = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
var model = ml.Transforms.LoadImages("Image", imageFolder: "", inputColumnName: nameof(ImageInput.ImagePath))
    .Append(ml.Transforms.ResizeImages("Image", 224, 224))
    .Append(ml.Transforms.ExtractPixels("Pixels", "Image"))
    .Append(ml.Transforms.DnnFeaturizeImage("Features", m => m.ModelSelector.ResNet18(ml, m.OutputColumn, m.InputColumn, modelDir), "Pixels"))
    .Fit(input);

Console.WriteLine($"ready mlnet={Version(typeof(MLContext).Assembly)} ort={OrtEnv.Instance().GetVersionString()} skia={Version(typeof(SkiaSharp.SKBitmap).Assembly)}");
float[][] vectors = [];
while (Console.ReadLine() is { } line)
{
    if (line == "run")
    {
        var clock = Stopwatch.StartNew();
        vectors = model.Transform(input).GetColumn<float[]>("Features").ToArray();
        Console.WriteLine($"seconds {clock.Elapsed.TotalSeconds:R}");
    }
    else if (line.StartsWith("dump ", StringComparison.Ordinal))
    {
        // Closed before answering: the bench reads the file as soon as it sees "dumped".
        using (var writer = new BinaryWriter(File.Create(line[5..])))
        {
            foreach (var value in vectors.SelectMany(v => v))
                writer.Write(value);
        }
        Console.WriteLine("dumped");
    }
    else if (line == "quit")
    {
        break;
    }
}

static string Version(Assembly assembly) =>
    assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', '-')[0] ?? "?";

internal sealed class ImageInput
{
    public string ImagePath { get; set; } = "";
}
