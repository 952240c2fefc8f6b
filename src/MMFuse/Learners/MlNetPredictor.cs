using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>A fitted ML.NET model chain. Output columns are read by their standard ML.NET names
/// (see <see cref="MlNetPipelines"/>).</summary>
internal sealed class MlNetPredictor : IPredictor
{
    public const string KindName = "mlnet";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    public MlNetPredictor(MLContext ml, ITransformer model, MlNetModelInfo info)
    {
        _ml = ml;
        _model = model;
        Info = info;
    }

    public string Kind => KindName;

    public MlNetModelInfo Info { get; }

    public float[][] Predict(float[][] features)
    {
        LearnerDataChecks.ValidateFeatures(features, Info.FeatureCount, "Prediction");
        if (features.Length == 0)
            return [];
        var scored = _model.Transform(MlNetData.FeaturesOnly(_ml, features, Info.FeatureCount));
        return Info.Task switch
        {
            TaskKind.Binary => scored.GetColumn<float>("Probability").Select(p => new[] { 1f - p, p }).ToArray(),
            TaskKind.Multiclass => scored.GetColumn<VBuffer<float>>("Score").Select(Normalise).ToArray(),
            TaskKind.Regression => scored.GetColumn<float>("Score").Select(v => new[] { v }).ToArray(),
            _ => throw new InvalidOperationException($"Unknown task {Info.Task}."),
        };
    }

    public void Save(Stream stream)
    {
        using var zip = new MemoryStream();
        var schema = MlNetData.FeaturesOnly(_ml, [], Info.FeatureCount).Schema;
        _ml.Model.Save(_model, schema, zip);
        MlNetPayload.Write(stream, Info, StableZip.Rewrite(zip.ToArray()));
    }

    public static MlNetPredictor Load(Stream stream)
    {
        var (info, zip) = MlNetPayload.Read(stream);
        var ml = new MLContext(seed: 0);
        // A fresh process may not have touched these assemblies yet; ML.NET finds model loaders by assembly.
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastForestBinaryModelParameters).Assembly);
        using var zipStream = new MemoryStream(zip, writable: false);
        var model = ml.Model.Load(zipStream, out _);
        return new MlNetPredictor(ml, model, info);
    }

    // The multiclass outputs already sum to ~1 (softmax or ML.NET's OvA probability normalisation); dividing by
    // the sum in double makes that exact to float rounding for every learner alike.
    private float[] Normalise(VBuffer<float> scores)
    {
        var p = scores.DenseValues().ToArray();
        if (p.Length != Info.ClassCount)
            throw new InvalidOperationException($"Model produced {p.Length} class scores, expected {Info.ClassCount}.");
        double sum = 0;
        foreach (var v in p)
            sum += v;
        if (!(sum > 0) || !double.IsFinite(sum))
            throw new InvalidOperationException($"Model produced class scores that cannot be normalised (sum {sum}).");
        for (var i = 0; i < p.Length; i++)
            p[i] = (float)(p[i] / sum);
        return p;
    }
}
