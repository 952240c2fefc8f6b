using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MMFuse.Data;
using static MMFuse.Learners.MlNetData;

namespace MMFuse.Learners;

/// <summary>The ML.NET estimator chain behind each learner name and task. <c>weight</c> is the example-weight
/// column name, or null when the data has no weights. Every chain ends in the standard ML.NET output columns:
/// <c>Probability</c> (binary), <c>Score</c> vector of class probabilities (multiclass), <c>Score</c> (regression).</summary>
internal static class MlNetPipelines
{
    public static IEstimator<ITransformer> LogReg(MLContext ml, TaskKind task, LogRegOptions o, string? weight, int rows) => task switch
    {
        TaskKind.Binary => Standardise(ml).Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = LabelColumn, FeatureColumnName = FeaturesColumn, ExampleWeightColumnName = weight,
                L2Regularization = (float)o.L2, L1Regularization = (float)o.L1, MaximumNumberOfIterations = o.MaxIterations,
                OptimizationTolerance = (float)o.Tolerance, NumberOfThreads = Threads(o), Quiet = true,
            })),
        TaskKind.Multiclass => Standardise(ml).Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = LabelColumn, FeatureColumnName = FeaturesColumn, ExampleWeightColumnName = weight,
                L2Regularization = (float)o.L2, L1Regularization = (float)o.L1, MaximumNumberOfIterations = o.MaxIterations,
                OptimizationTolerance = (float)o.Tolerance, NumberOfThreads = Threads(o), Quiet = true,
            })),
        // SDCA minimises the averaged loss, L-BFGS the summed one: dividing by the row count keeps one L2 scale.
        TaskKind.Regression => Standardise(ml).Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = LabelColumn, FeatureColumnName = FeaturesColumn, ExampleWeightColumnName = weight,
            L2Regularization = (float)(o.L2 / rows), L1Regularization = (float)o.L1,
            MaximumNumberOfIterations = o.MaxIterations, NumberOfThreads = Threads(o),
        })),
        _ => throw UnknownTask(task),
    };

    public static IEstimator<ITransformer> Svm(MLContext ml, TaskKind task, SvmOptions o, string? weight)
    {
        LinearSvmTrainer Binary() => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = LabelColumn, FeatureColumnName = FeaturesColumn, ExampleWeightColumnName = weight,
            Lambda = (float)o.Lambda, NumberOfIterations = o.Iterations,
        });
        return task switch
        {
            TaskKind.Binary => Standardise(ml).Append(Binary()).Append(Platt(ml, weight)),
            TaskKind.Multiclass => Standardise(ml).Append(OneVersusAll(ml, Binary(), weight)),
            TaskKind.Regression when weight is not null => throw new NotSupportedException(
                "svm regression (ML.NET OnlineGradientDescent) does not support sample weights; use logreg, gbdt or forest."),
            TaskKind.Regression => Standardise(ml).Append(ml.Regression.Trainers.OnlineGradientDescent(
                new OnlineGradientDescentTrainer.Options
                {
                    LabelColumnName = LabelColumn, FeatureColumnName = FeaturesColumn, LearningRate = (float)o.LearningRate,
                    NumberOfIterations = o.Iterations, L2Regularization = 0f,
                })),
            _ => throw UnknownTask(task),
        };
    }

    public static IEstimator<ITransformer> Gbdt(MLContext ml, TaskKind task, GbdtOptions o, string? weight, int seed) => task switch
    {
        TaskKind.Binary => ml.BinaryClassification.Trainers.LightGbm(Fill(new LightGbmBinaryTrainer.Options(), o, weight, seed)),
        TaskKind.Multiclass => ml.MulticlassClassification.Trainers.LightGbm(
            Fill(new LightGbmMulticlassTrainer.Options { UseSoftmax = true }, o, weight, seed)),
        TaskKind.Regression => ml.Regression.Trainers.LightGbm(Fill(new LightGbmRegressionTrainer.Options(), o, weight, seed)),
        _ => throw UnknownTask(task),
    };

    public static IEstimator<ITransformer> Forest(MLContext ml, TaskKind task, ForestOptions o, string? weight, int seed)
    {
        FastForestBinaryTrainer Binary() =>
            ml.BinaryClassification.Trainers.FastForest(Fill(new FastForestBinaryTrainer.Options(), o, weight, seed));
        return task switch
        {
            TaskKind.Binary => Binary().Append(Platt(ml, weight)),
            TaskKind.Multiclass => OneVersusAll(ml, Binary(), weight),
            TaskKind.Regression => ml.Regression.Trainers.FastForest(Fill(new FastForestRegressionTrainer.Options(), o, weight, seed)),
            _ => throw UnknownTask(task),
        };
    }

    /// <summary>LightGbm: single thread plus <c>deterministic</c> so the same seed gives the same trees everywhere.</summary>
    private static TOpt Fill<TOpt, TOut, TTrans, TModel>(
        LightGbmTrainerBase<TOpt, TOut, TTrans, TModel>.OptionsBase t, GbdtOptions o, string? weight, int seed)
        where TOpt : LightGbmTrainerBase<TOpt, TOut, TTrans, TModel>.OptionsBase, new()
        where TTrans : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
    {
        Columns(t, weight);
        t.NumberOfIterations = o.Iterations;
        t.LearningRate = o.LearningRate;
        t.NumberOfLeaves = o.Leaves;
        t.MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf;
        t.MaximumBinCountPerFeature = o.MaxBinsPerFeature;
        t.NumberOfThreads = Threads(o);
        t.Seed = seed;
        t.Deterministic = true;
        t.Silent = true;
        return (TOpt)t;
    }

    private static T Fill<T>(T t, ForestOptions o, string? weight, int seed) where T : FastForestOptionsBase
    {
        Columns(t, weight);
        t.NumberOfTrees = o.Trees;
        t.NumberOfLeaves = o.Leaves;
        t.MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf;
        t.FeatureFraction = o.FeatureFraction;
        t.BaggingExampleFraction = o.BaggingFraction;
        t.NumberOfThreads = Threads(o);
        t.Seed = seed;
        t.FeatureSelectionSeed = seed;
        return t;
    }

    private static void Columns(TrainerInputBaseWithWeight t, string? weight)
    {
        t.LabelColumnName = LabelColumn;
        t.FeatureColumnName = FeaturesColumn;
        t.ExampleWeightColumnName = weight;
    }

    // Mean-variance scaling (centred: dense data has no sparsity to keep) so the linear learners' penalties and
    // step sizes mean the same thing for every feature block.
    private static IEstimator<ITransformer> Standardise(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance(FeaturesColumn, fixZero: false);

    private static IEstimator<ITransformer> Platt(MLContext ml, string? weight) =>
        ml.BinaryClassification.Calibrators.Platt(LabelColumn, "Score", weight);

    // useProbabilities: each binary model is Platt-calibrated and ML.NET divides the K probabilities by their sum.
    private static IEstimator<ITransformer> OneVersusAll<TModel>(
        MLContext ml, Microsoft.ML.Trainers.ITrainerEstimator<Microsoft.ML.Data.BinaryPredictionTransformer<TModel>, TModel> binary, string? weight)
        where TModel : class =>
        ml.MulticlassClassification.Trainers.OneVersusAll(binary, LabelColumn,
            calibrator: ml.BinaryClassification.Calibrators.Platt(LabelColumn, "Score", weight), useProbabilities: true);

    private static int Threads(LearnerOptions o) => o.Threads >= 1
        ? o.Threads
        : throw new ArgumentOutOfRangeException(nameof(o), o.Threads, "Threads must be at least 1.");

    private static ArgumentOutOfRangeException UnknownTask(TaskKind task) => new(nameof(task), task, "Unknown task.");
}
