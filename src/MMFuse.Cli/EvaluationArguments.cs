using System.CommandLine;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features.Augmentation;
using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;
using MMFuse.Features.Preprocessing;
using MMFuse.Evaluation.Calibration;

namespace MMFuse.Cli;

/// <summary>Options of the commands that learn: the split, the learner and its optimiser, normalisation, modalities.</summary>
internal sealed class EvaluationArguments
{
    public Option<int?> Cv { get; } = new("--cv") { Description = "k-fold cross-validation with K folds (stratified for classification; default 5)" };
    public Option<double?> Holdout { get; } = new("--holdout") { Description = "Hold out this share of rows for testing instead of k-fold (e.g. 0.2)" };
    public Option<bool> Loo { get; } = new("--loo") { Description = "Leave-one-out cross-validation" };
    public Option<bool> Logo { get; } = new("--logo") { Description = "Leave-one-group-out: each group (--group) is the test part once" };
    public Option<int> Repeats { get; } = new("--repeats") { Description = "Repeat the split R times with derived seeds", DefaultValueFactory = _ => 1 };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for splits, learners and augmentation", DefaultValueFactory = _ => 42 };
    public Option<string> Learner { get; } = new("--learner") { Description = "logreg (default), svm, gbdt, forest or mlp", DefaultValueFactory = _ => "logreg" };
    public Option<string> Fusion { get; } = new("--fusion") { Description = "Fusion strategy: early (default); train also takes best (the winner of compare)", DefaultValueFactory = _ => "early" };
    public Option<string> Normalize { get; } = new("--normalize") { Description = "Per-block normalisation: zscore (default), minmax or none", DefaultValueFactory = _ => "zscore" };
    public Option<string[]> Modalities { get; } = new("--modalities")
    {
        Description = "Use only these modalities: image, audio, text, tabular (comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = true,
    };
    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "For mlp: gd, sgd, momentum, nesterov, adam (default) or adamw", DefaultValueFactory = _ => "adam" };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Learning rate (default depends on the optimiser)" };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Mini-batch size for mlp", DefaultValueFactory = _ => 64 };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Maximum epochs for mlp", DefaultValueFactory = _ => 100 };
    public Option<double?> WeightDecay { get; } = new("--weight-decay") { Description = "L2 weight decay for mlp" };
    public Option<string> LrSchedule { get; } = new("--lr-schedule") { Description = "none (default), step, cosine or plateau", DefaultValueFactory = _ => "none" };
    public Option<int> Augment { get; } = new("--augment") { Description = "Add N augmented variants of each training row (never of a test row)", DefaultValueFactory = _ => 0 };
    public Option<string?> AugmentNoise { get; } = new("--augment-noise")
    {
        Description = "Augmentation: the audio noise's colours and SNR range in dB, e.g. white,pink,brown:-5..20 (default white:10..30)",
    };
    public Option<string?> AugmentSpeed { get; } = new("--augment-speed")
    {
        Description = "Augmentation: speed perturbation of training clips by a factor drawn in MIN..MAX, e.g. 0.9..1.1 (tempo and pitch together; default off)",
    };
    public Option<bool> NoFlip { get; } = new("--no-flip") { Description = "Augmentation: no horizontal flips (for digits, text in images)" };
    public Option<string?> Weights { get; } = new("--weights") { Description = "Vote weights per modality, e.g. image=2,text=1 (default: equal)" };
    public Option<string?> StackingBases { get; } = new("--stacking-bases")
    {
        Description = "Stacking's base learners (default logreg,gbdt) and what they see: per-modality, concatenated or both (default), e.g. logreg,gbdt,both",
    };
    public Option<bool> Passthrough { get; } = new("--passthrough") { Description = "Stacking: append the normalised blocks to the meta-features" };
    public Option<string?> Report { get; } = new("--report") { Description = "Also analyse the best strategy and write a one-file HTML report here" };
    public Option<bool> NoiseAll { get; } = new("--noise-all") { Description = "Report: noise curves for ResNet18/MiniLM inputs too (one extraction per noise level)" };
    public Option<string?> Hidden { get; } = new("--hidden") { Description = "mlp: hidden layer sizes, e.g. 512,256 (default 256); joint networks: encoder size (default 64)" };
    public Option<double?> Dropout { get; } = new("--dropout") { Description = "Dropout for mlp and joint networks (default 0.1)" };
    public Option<string> Activation { get; } = new("--activation") { Description = "relu (default), gelu or tanh", DefaultValueFactory = _ => "relu" };
    public Option<bool> LayerNorm { get; } = new("--layer-norm") { Description = "mlp: layer normalisation after each hidden layer" };
    public Option<string> AudioEncoder { get; } = new("--audio-encoder") { Description = "Joint networks: stats (default: a dense encoder over the audio features) or cnn (a small CNN over the log-mel spectrogram with SpecAugment; audio features default to logmel-frames)", DefaultValueFactory = _ => "stats" };
    public Option<double> ModalityDropout { get; } = new("--modality-dropout") { Description = "Joint networks: chance of hiding each present modality of a training row", DefaultValueFactory = _ => 0.2 };
    public Option<string> MultiLabelHead { get; } = new("--multilabel-head")
    {
        Description = "Joint networks on a multilabel task: shared (default: one network, a sigmoid output per label, binary cross-entropy) or per-label (one two-class network per label)",
        DefaultValueFactory = _ => "shared",
    };
    public Option<int> Patience { get; } = new("--patience") { Description = "Early-stopping patience in epochs", DefaultValueFactory = _ => 10 };
    public Option<string?> TestMissing { get; } = new("--test-missing")
    {
        Description = "Blank a share of each test row's modalities before predicting: 0.3 (every modality) or image=0.3,audio=0.3",
    };
    public Option<string> Calibrate { get; } = new("--calibrate")
    {
        Description = "Recalibrate probabilities out of fold: temperature (one per missingness pattern), isotonic (binary) or none (default)",
        DefaultValueFactory = _ => "none",
    };
    public Option<double?> Coverage { get; } = new("--coverage") { Description = "Split-conformal prediction sets (intervals for regression) at this coverage, e.g. 0.9" };
    public Option<bool> TrainMissing { get; } = new("--train-missing")
    {
        Description = "Train early, late, vote and stacking fusion also on copies of the training rows with each modality absent, to expect missing modalities",
    };
    public Option<string?> TestNoise { get; } = new("--test-noise")
    {
        Description = "Add noise to the test part's audio clips only (training keeps the originals): white|pink|brown:SNR_DB, e.g. pink:0",
    };
    public Option<string?> SampleWeight { get; } = new("--weight")
    {
        Description = "Column of sample weights (numbers >= 0): every learner trains with them and every metric is weighted by them",
    };
    public Option<string> ClassWeight { get; } = new("--class-weight")
    {
        Description = "none (default) or balanced: weigh training rows by n / (classes x count of their class) in each fold's training part",
        DefaultValueFactory = _ => "none",
    };
    public Option<bool> Dedupe { get; } = new("--dedupe") { Description = "Keep only the first of rows that share an image, audio clip or text" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Cv, Holdout, Loo, Logo, Repeats, Seed, Learner, Fusion, Normalize, Modalities, Optimizer, LearningRate, BatchSize, Epochs, WeightDecay, LrSchedule, Patience, Augment, AugmentNoise, AugmentSpeed, NoFlip, Weights, StackingBases, Passthrough, Report, NoiseAll, Hidden, Dropout, Activation, LayerNorm, ModalityDropout, AudioEncoder, MultiLabelHead, Dedupe, TestMissing, TestNoise, Calibrate, Coverage, TrainMissing, SampleWeight, ClassWeight })
            command.Add(option);
    }

    public SplitSpec Split(ParseResult parse, TaskKind task, bool hasGroups)
    {
        var seed = parse.GetValue(Seed);
        var repeats = parse.GetValue(Repeats);
        if (repeats < 1)
            throw new MMFuseInputException($"--repeats: {repeats} is not a positive number");
        var chosen = (parse.GetValue(Cv) is not null ? 1 : 0) + (parse.GetValue(Holdout) is not null ? 1 : 0) + (parse.GetValue(Loo) ? 1 : 0)
            + (parse.GetValue(Logo) ? 1 : 0);
        if (chosen > 1)
            throw new MMFuseInputException("choose one of --cv, --holdout, --loo and --logo");
        if (parse.GetValue(Logo))
        {
            if (!hasGroups) throw new MMFuseInputException("--logo needs groups: --group COL (or --meta FILE --join ID --group COL)");
            if (repeats != 1) throw new MMFuseInputException("--logo has one possible split; --repeats must be 1");
            return new SplitSpec(SplitKind.LeaveOneGroupOut, Seed: seed);
        }
        if (parse.GetValue(Loo))
        {
            if (repeats != 1) throw new MMFuseInputException("--loo has one possible split; --repeats must be 1");
            return new SplitSpec(SplitKind.LeaveOneOut, Seed: seed);
        }
        if (parse.GetValue(Holdout) is { } fraction)
        {
            if (fraction is <= 0 or >= 1) throw new MMFuseInputException($"--holdout: {fraction} must be between 0 and 1");
            return new SplitSpec(SplitKind.Holdout, Repeats: repeats, Seed: seed, HoldoutFraction: fraction);
        }
        var folds = parse.GetValue(Cv) ?? 5;
        if (folds < 2) throw new MMFuseInputException($"--cv: {folds} folds; at least 2 are needed");
        var kind = hasGroups ? SplitKind.GroupKFold : task == TaskKind.Regression ? SplitKind.KFold : SplitKind.StratifiedKFold;
        return new SplitSpec(kind, folds, repeats, seed);
    }

    /// <remarks>Networks train with one libtorch thread each: cross-validation already trains as many folds side by side
    /// as <c>--threads</c> allows, and libtorch's OpenMP threads spin-wait, so more per training would oversubscribe the
    /// cores (the small networks here gained nothing from a second thread when measured alone either).</remarks>
    public MlpOptions LearnerOptions(ParseResult parse)
    {
        var name = parse.GetValue(Learner)!;
        if (!LearnerFactory.Names.Contains(name))
            throw new MMFuseInputException($"--learner: '{name}' is not one of {string.Join(", ", LearnerFactory.Names)}");
        var training = new TrainingOptions(parse.GetValue(Optimizer)!, parse.GetValue(LearningRate), parse.GetValue(BatchSize), parse.GetValue(Epochs),
            parse.GetValue(WeightDecay), parse.GetValue(LrSchedule)!, parse.GetValue(Patience), parse.GetValue(Seed), Threads: 1);
        try { training.Validate(); }
        catch (ArgumentException ex) { throw new MMFuseInputException(ex.Message, ex); }
        var defaults = new MlpOptions();
        var options = new MlpOptions(HiddenSizes(parse), parse.GetValue(Activation)!, parse.GetValue(Dropout) ?? defaults.Dropout,
            parse.GetValue(LayerNorm), Training: training);
        if (options.Activation is not ("relu" or "gelu" or "tanh"))
            throw new MMFuseInputException($"--activation: '{options.Activation}' is not one of relu, gelu, tanh");
        if (options.Dropout is < 0 or >= 1)
            throw new MMFuseInputException($"--dropout: {options.Dropout} must be at least 0 and below 1");
        return options;
    }

    /// <summary>The joint networks' options from the same command line (encoder size = the first --hidden value).</summary>
    public JointOptions JointOptions(ParseResult parse, MlpOptions mlp)
    {
        var defaults = new JointOptions();
        var modalityDropout = parse.GetValue(ModalityDropout);
        if (modalityDropout is < 0 or >= 1)
            throw new MMFuseInputException($"--modality-dropout: {modalityDropout} must be at least 0 and below 1");
        return defaults with
        {
            HiddenSize = mlp.HiddenSizes?[0] ?? defaults.HiddenSize,
            Dropout = parse.GetValue(Dropout) ?? defaults.Dropout,
            ModalityDropout = modalityDropout,
            Activation = mlp.Activation,
            Training = mlp.Training,
            AudioEncoder = AudioEncoderArgument.Parse(parse.GetValue(AudioEncoder)!),
            MultiLabelHead = parse.GetValue(MultiLabelHead)!.Trim().ToLowerInvariant() switch
            {
                "shared" => global::MMFuse.Fusion.Joint.MultiLabelHead.Shared,
                "per-label" => global::MMFuse.Fusion.Joint.MultiLabelHead.PerLabel,
                var other => throw new MMFuseInputException($"--multilabel-head: '{other}' is not one of shared, per-label"),
            },
        };
    }

    private IReadOnlyList<int>? HiddenSizes(ParseResult parse)
    {
        if (parse.GetValue(Hidden) is not { } text)
            return null;
        var sizes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, out var n) && n > 0 ? n : throw new MMFuseInputException($"--hidden: '{v}' is not a positive whole number")).ToList();
        return sizes.Count == 0 ? throw new MMFuseInputException("--hidden: give one or more layer sizes, e.g. 512,256") : sizes;
    }

    /// <param name="learnerOptions">The options <see cref="LearnerOptions"/> built; the joint networks share its training settings.</param>
    public FusionSettings FusionOptions(ParseResult parse, MlpOptions learnerOptions)
    {
        IReadOnlyDictionary<string, double>? weights = null;
        if (parse.GetValue(Weights) is { } text)
        {
            try { weights = VoteStrategy.ParseWeights(text); }
            catch (ArgumentException ex) { throw new MMFuseInputException("--weights: " + ex.Message, ex); }
        }
        var (bases, inputs) = StackingBaseArgument.Parse(parse.GetValue(StackingBases));
        var joint = JointOptions(parse, learnerOptions);
        return new FusionSettings(weights, bases, parse.GetValue(Passthrough), joint, parse.GetValue(TrainMissing)) { StackingInputs = inputs };
    }

    public NormalizeMode NormalizeMode(ParseResult parse)
    {
        var name = parse.GetValue(Normalize)!;
        try { return NormalizeModes.Parse(name); }
        catch (ArgumentException) { throw new MMFuseInputException($"--normalize: '{name}' is not one of zscore, minmax, none"); }
    }

    /// <summary>Normalisation, seed and --test-missing, for the modalities the data has.</summary>
    public EvaluationOptions Options(ParseResult parse, IReadOnlyList<string> modalities) => new()
    {
        Normalize = NormalizeMode(parse),
        Seed = parse.GetValue(Seed),
        TestMissing = TestTimeMissing(parse, modalities),
        ClassWeight = parse.GetValue(ClassWeight) switch
        {
            "none" => MMFuse.Evaluation.ClassWeight.None,
            "balanced" => MMFuse.Evaluation.ClassWeight.Balanced,
            var other => throw new MMFuseInputException($"--class-weight: '{other}' is not one of none, balanced"),
        },
        Calibration = parse.GetValue(Calibrate) switch
        {
            "none" => CalibrationKind.None,
            "temperature" => CalibrationKind.Temperature,
            "isotonic" => CalibrationKind.Isotonic,
            var other => throw new MMFuseInputException($"--calibrate: '{other}' is not one of temperature, isotonic, none"),
        },
        Coverage = parse.GetValue(Coverage) switch
        {
            null => null,
            > 0 and < 1 and var c => c,
            var c => throw new MMFuseInputException($"--coverage: {c} must be between 0 and 1"),
        },
    };

    /// <summary>The strategy of --fusion and --learner with the learner's and fusion's options from the command line.</summary>
    public IFusionStrategy Strategy(ParseResult parse, IReadOnlyList<string> modalities)
    {
        var learnerOptions = LearnerOptions(parse);
        return StrategyCatalog.Create(parse.GetValue(Fusion)!, parse.GetValue(Learner)!, learnerOptions, FusionOptions(parse, learnerOptions), modalities);
    }

    /// <summary>The same strategy as data, for cluster workers to rebuild.</summary>
    public Cluster.StrategyRecipe Recipe(ParseResult parse, IReadOnlyList<string> modalities)
    {
        var learnerOptions = LearnerOptions(parse);
        return new Cluster.StrategyRecipe([$"{parse.GetValue(Fusion)}/{parse.GetValue(Learner)}"], learnerOptions, FusionOptions(parse, learnerOptions), modalities);
    }

    public int AugmentCount(ParseResult parse) => parse.GetValue(Augment) switch
    {
        < 0 and var n => throw new MMFuseInputException($"--augment: {n} is not zero or a positive number"),
        var n => n,
    };

    public AugmentationOptions AugmentationOptions(ParseResult parse)
    {
        var options = new AugmentationOptions();
        if (parse.GetValue(AugmentNoise) is { } noise)
            options = options with { Audio = AudioNoise(noise, options.Audio) };
        if (parse.GetValue(AugmentSpeed) is { } speed)
            options = options with { Audio = options.Audio with { Speed = SpeedRange(speed) } };
        return parse.GetValue(NoFlip) ? options with { Image = options.Image with { HorizontalFlip = false } } : options;
    }

    /// <summary>A finite number written in the invariant culture.</summary>
    private static bool Number(string v, out double d) =>
        double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d) && double.IsFinite(d);

    /// <summary>"0.9..1.1": the slowest and fastest speed factors (one number for a fixed factor).</summary>
    private static SpeedRange SpeedRange(string text)
    {
        var range = text.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length is < 1 or > 2 || !Number(range[0], out var low) || !Number(range[^1], out var high))
            throw new MMFuseInputException($"--augment-speed: '{text}' is not MIN..MAX, e.g. 0.9..1.1");
        var speed = new SpeedRange(low, high);
        speed.Validate();
        return speed;
    }

    /// <summary>"white,pink,brown:-5..20": the colours, then the SNR range (one number for a fixed SNR).</summary>
    private static AudioAugmentationOptions AudioNoise(string text, AudioAugmentationOptions audio)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var range = parts.Length == 2 ? parts[1].Split("..", StringSplitOptions.TrimEntries) : [];
        if (range.Length is < 1 or > 2 || !Number(range[0], out var low) || !Number(range[^1], out var high) || low > high)
            throw new MMFuseInputException($"--augment-noise: '{text}' is not COLOURS:MIN..MAX, e.g. white,pink,brown:-5..20");
        try
        {
            var colours = parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(MMFuse.Features.Audio.ColouredNoise.Parse).Distinct().ToList();
            return audio with { NoiseColours = colours, MinSnrDb = low, MaxSnrDb = high };
        }
        catch (FormatException ex) { throw new MMFuseInputException("--augment-noise: " + ex.Message, ex); }
    }

    public IReadOnlySet<string>? ModalityFilter(ParseResult parse)
    {
        var values = (parse.GetValue(Modalities) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();
        if (values.Count == 0) return null;
        var unknown = values.Except(["image", "audio", "text", "tabular"]).ToList();
        if (unknown.Count > 0) throw new MMFuseInputException($"--modalities: '{unknown[0]}' is not one of image, audio, text, tabular");
        return values;
    }

    /// <summary>--test-noise as a colour and an SNR; null when absent.</summary>
    public TestNoise? TestNoiseSetting(ParseResult parse)
    {
        if (parse.GetValue(TestNoise) is not { } text)
            return null;
        try { return Evaluation.TestNoise.Parse(text, parse.GetValue(Seed)); }
        catch (FormatException ex) { throw new MMFuseInputException("--test-noise: " + ex.Message, ex); }
    }

    /// <summary>--test-missing as a share for every modality ("0.3") or per modality ("image=0.3,audio=0.3"); null when absent.</summary>
    public TestTimeMissing? TestTimeMissing(ParseResult parse, IReadOnlyList<string> modalities)
    {
        if (parse.GetValue(TestMissing) is not { } text)
            return null;
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.Contains('=') ? (part[..part.IndexOf('=')].Trim(), part[(part.IndexOf('=') + 1)..].Trim()) : (Evaluation.TestTimeMissing.Every, part);
            if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1)
                throw new MMFuseInputException($"--test-missing: '{value}' is not a share between 0 and 1");
            if (name != Evaluation.TestTimeMissing.Every && !modalities.Contains(name))
                throw new MMFuseInputException($"--test-missing: there is no modality '{name}'; the modalities are {string.Join(", ", modalities)}");
            shares[name] = share;
        }
        if (shares.Count == 0)
            throw new MMFuseInputException("--test-missing: give a share (0.3) or shares per modality (image=0.3,audio=0.3)");
        return new TestTimeMissing(shares, parse.GetValue(Seed));
    }
}
