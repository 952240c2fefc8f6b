// Produces the ResNet18 test fixtures, independently of the MMFuse code under test:
//   tests/MMFuse.Tests/Fixtures/images/resnet18-input.png      a synthetic 224x224 picture (drawn here, once)
//   tests/MMFuse.Tests/Fixtures/images/resnet18-reference.json its 512-d vector
// Run from the repository root:  dotnet run tools/image-reference/make-resnet18-reference.cs
// The PNG is only drawn when missing, so rerunning recomputes the vector for the committed picture.
#:package SkiaSharp@3.119.4
#:package SkiaSharp.NativeAssets.Linux.NoDependencies@3.119.4
#:package Microsoft.ML.OnnxRuntime@1.31.1
#:package Microsoft.ML.DnnImageFeaturizer.ResNet18@0.23.1
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

var fixtures = Path.Combine("tests", "MMFuse.Tests", "Fixtures", "images");
var pngPath = Path.Combine(fixtures, "resnet18-input.png");
if (!File.Exists(pngPath))
{
    using var surface = SKSurface.Create(new SKImageInfo(224, 224, SKColorType.Rgba8888, SKAlphaType.Opaque));
    var canvas = surface.Canvas;
    using var gradient = new SKPaint
    {
        Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(224, 224),
            [new SKColor(30, 90, 200), new SKColor(250, 220, 60)], SKShaderTileMode.Clamp),
    };
    canvas.DrawRect(0, 0, 224, 224, gradient);
    using var red = new SKPaint { Color = new SKColor(220, 30, 40), IsAntialias = true };
    canvas.DrawCircle(80, 90, 45, red);
    using var green = new SKPaint { Color = new SKColor(20, 160, 60) };
    canvas.DrawRect(120, 130, 80, 60, green);
    using var image = surface.Snapshot();
    using var data = image.Encode(SKEncodedImageFormat.Png, 100);
    File.WriteAllBytes(pngPath, data.ToArray());
}

// Decode to RGBA, then pack the planes R, G, B with raw 0..255 values: the layout the preprocessing graph expects.
using var bitmap = SKBitmap.Decode(pngPath).Copy(SKColorType.Rgba8888);
const int plane = 224 * 224;
var input = new float[3 * plane];
for (int y = 0; y < 224; y++)
    for (int x = 0; x < 224; x++)
    {
        var c = bitmap.GetPixel(x, y);
        input[y * 224 + x] = c.Red;
        input[plane + y * 224 + x] = c.Green;
        input[2 * plane + y * 224 + x] = c.Blue;
    }

var models = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    ".nuget", "packages", "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1", "tools", "DnnImageModels");
using var prep = new InferenceSession(Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
using var net = new InferenceSession(Path.Combine(models, "ResNet18Onnx", "ResNet18.onnx"));
using var x0 = OrtValue.CreateTensorValueFromMemory(input, [1, 3, 224, 224]);
using var p = prep.Run(new RunOptions(), ["OriginalInput"], [x0], ["PreprocessedInput"]);
using var o = net.Run(new RunOptions(), ["Input247"], [p[0]], ["Pooling395_Output_0"]);
var vector = o[0].GetTensorDataAsSpan<float>().ToArray();

var json = JsonSerializer.Serialize(new
{
    source = "tools/image-reference/make-resnet18-reference.cs",
    image = "resnet18-input.png",
    onnxruntime = "1.31.1",
    model = "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1",
    vector,
});
File.WriteAllText(Path.Combine(fixtures, "resnet18-reference.json"), json + "\n");
Console.WriteLine($"wrote {vector.Length} values, first {string.Join(", ", vector.Take(4))}");
