using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse;

/// <summary>
/// A learner choice as an object: which learner and its options. Strategies built from it create a fresh learner
/// per fit, seeded by the fit.
/// </summary>
/// <param name="Name">The learner's name in the model file and on the leaderboard (<c>logreg</c>, <c>mlp</c>, ...).</param>
/// <param name="Options">Its options, or null for its defaults.</param>
public sealed record LearnerSpec(string Name, LearnerOptions? Options = null);

/// <summary>Factory functions for the built-in learners: <c>Strategies.Early(Learner.LogReg(new LogRegOptions(L2: 0.5)))</c>.</summary>
public static class Learner
{
    /// <summary>Logistic regression (ML.NET L-BFGS maximum entropy; linear regression for regression tasks).</summary>
    public static LearnerSpec LogReg(LogRegOptions? options = null) => new("logreg", options);

    /// <summary>A linear support vector machine (ML.NET; one-versus-all for several classes).</summary>
    public static LearnerSpec Svm(SvmOptions? options = null) => new("svm", options);

    /// <summary>Gradient-boosted trees (ML.NET LightGBM).</summary>
    public static LearnerSpec Gbdt(GbdtOptions? options = null) => new("gbdt", options);

    /// <summary>A random forest (ML.NET FastForest).</summary>
    public static LearnerSpec Forest(ForestOptions? options = null) => new("forest", options);

    /// <summary>A multilayer perceptron trained with TorchSharp (GD, SGD, momentum, Nesterov, Adam or AdamW).</summary>
    public static LearnerSpec Mlp(MlpOptions? options = null) => new("mlp", options);
}
