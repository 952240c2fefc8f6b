using System.Text.Json.Nodes;

namespace MMFuse.Fusion.Joint;

/// <summary>Everything needed to rebuild a joint network's module graph; saved in front of the weights.</summary>
/// <param name="Kind">The fusion module.</param>
/// <param name="Blocks">Input dimension of each modality block, in input order.</param>
/// <param name="Hidden">Encoder and head width.</param>
/// <param name="FusionSize">Per-modality projection before the tensor product.</param>
/// <param name="Rank">Rank-one factors of low-rank fusion.</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="Activation">relu, gelu or tanh.</param>
/// <param name="Dropout">Dropout probability.</param>
/// <param name="Outputs">Class count, or 1 for regression.</param>
/// <param name="Spectrograms">Per block: 0 for the dense encoder, or the mel bands per time step of a spectrogram
/// block encoded by a <see cref="SpectrogramEncoder"/>; null means every block is dense (format 1 files).</param>
/// <param name="Masks">The spectrogram encoders' SpecAugment masks; training only, so not saved.</param>
internal sealed record JointArchitecture(JointKind Kind, int[] Blocks, int Hidden, int FusionSize, int Rank, int Heads,
    string Activation, double Dropout, int Outputs, int[]? Spectrograms = null, SpecAugmentOptions? Masks = null)
{
    /// <param name="kind">The fusion module.</param>
    /// <param name="blocks">Input dimension of each block.</param>
    /// <param name="options">Sizes, activation, dropout and SpecAugment masks.</param>
    /// <param name="outputs">Class count, or 1 for regression.</param>
    /// <param name="spectrograms">Per block: 0, or the bands of a spectrogram block for the CNN encoder; null: all dense.</param>
    public static JointArchitecture From(JointKind kind, IEnumerable<int> blocks, JointOptions options, int outputs, int[]? spectrograms = null) =>
        new(kind, blocks.ToArray(), options.HiddenSize, options.FusionSize, options.Rank, options.AttentionHeads,
            options.Activation.Trim().ToLowerInvariant(), options.Dropout, outputs,
            spectrograms is not null && spectrograms.Any(b => b > 0) ? spectrograms : null, options.ResolvedSpecAugment);

    /// <summary>The mel bands of block <paramref name="m"/> when a CNN encodes it, else 0.</summary>
    public int SpectrogramBands(int m) => Spectrograms?[m] ?? 0;

    public int Modalities => Blocks.Length;

    /// <summary>Feature columns of an input row: the blocks side by side, then one 1/0 presence flag per block.</summary>
    public int Columns => Blocks.Sum() + Modalities;

    /// <summary>Weights come from libtorch's global generator (build under <see cref="Learners.Torch.TorchRuntime"/>'s
    /// lock); dropout draws from <paramref name="generator"/>, null for a network that only predicts.</summary>
    public JointNetwork Build(TorchSharp.torch.Generator? generator = null) => new(this, generator);

    /// <summary>libtorch's transformer layer applies its own dropout from the global generator, so a training
    /// attention network cannot run beside another seeded training.</summary>
    public bool DrawsFromGlobalGenerator => Kind == JointKind.Attention && Dropout > 0;

    public JsonObject ToJson() => new()
    {
        ["kind"] = JointKinds.Name(Kind),
        ["blocks"] = new JsonArray(Blocks.Select(b => (JsonNode)b).ToArray()),
        ["hidden"] = Hidden,
        ["fusionSize"] = FusionSize,
        ["rank"] = Rank,
        ["heads"] = Heads,
        ["activation"] = Activation,
        ["dropout"] = Dropout,
        ["outputs"] = Outputs,
        ["spectrograms"] = Spectrograms is null ? null : new JsonArray(Spectrograms.Select(b => (JsonNode)b).ToArray()),
    };

    public void Write(BinaryWriter writer)
    {
        writer.Write((int)Kind);
        writer.Write(Blocks.Length);
        foreach (var b in Blocks) writer.Write(b);
        writer.Write(Hidden);
        writer.Write(FusionSize);
        writer.Write(Rank);
        writer.Write(Heads);
        writer.Write(Activation);
        writer.Write(Dropout);
        writer.Write(Outputs);
        // Format 2: the encoder of each block (0 dense, else the spectrogram's bands).
        for (var m = 0; m < Blocks.Length; m++)
            writer.Write(SpectrogramBands(m));
    }

    /// <param name="reader">Positioned at the architecture.</param>
    /// <param name="format">The payload's format version: 1 has no per-block encoder list (every block dense).</param>
    public static JointArchitecture Read(BinaryReader reader, int format)
    {
        var kind = (JointKind)reader.ReadInt32();
        var count = reader.ReadInt32();
        if (!Enum.IsDefined(kind) || count is < 1 or > 1000)
            throw new InvalidDataException("Corrupt joint network architecture header.");
        var blocks = new int[count];
        for (var i = 0; i < count; i++) blocks[i] = reader.ReadInt32();
        var a = new JointArchitecture(kind, blocks, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            reader.ReadString(), reader.ReadDouble(), reader.ReadInt32());
        if (a.Blocks.Any(b => b < 1) || a.Hidden < 1 || a.FusionSize < 1 || a.Rank < 1 || a.Heads < 1 || a.Outputs < 1)
            throw new InvalidDataException("Corrupt joint network architecture: a size is not positive.");
        if (format < 2)
            return a;
        var spectrograms = new int[count];
        for (var i = 0; i < count; i++)
            spectrograms[i] = reader.ReadInt32() is var b && b >= 0 && (b == 0 || a.Blocks[i] % b == 0)
                ? b
                : throw new InvalidDataException($"Corrupt joint network architecture: block {i} has an impossible spectrogram layout.");
        return spectrograms.Any(b => b > 0) ? a with { Spectrograms = spectrograms } : a;
    }
}
