namespace MMFuse.Learners;

/// <summary>An untrained learning algorithm: fits on a dense matrix and labels, returns a predictor.</summary>
public interface ILearner
{
    /// <summary>Short CLI name: logreg, svm, gbdt, forest, mlp.</summary>
    string Name { get; }

    /// <summary>Trains on <paramref name="data"/> and returns the trained predictor (dispose it when it is
    /// <see cref="IDisposable"/>).</summary>
    IPredictor Fit(LearnerData data);
}
