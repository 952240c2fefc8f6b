using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Learners.Torch;

/// <summary>Everything needed to rebuild the MLP's module graph; saved beside the weights.</summary>
internal sealed record MlpArchitecture(int Inputs, int[] Hidden, int Outputs, string Activation, double Dropout, bool LayerNorm)
{
    public static readonly IReadOnlyList<string> ActivationNames = ["relu", "gelu", "tanh"];

    public static string NormaliseActivation(string activation)
    {
        var name = (activation ?? "").Trim().ToLowerInvariant();
        if (!ActivationNames.Contains(name))
            throw new ArgumentException($"Unknown activation '{activation}'. Valid: {string.Join(", ", ActivationNames)}.");
        return name;
    }

    /// <summary>Linear → [LayerNorm] → activation → [Dropout] per hidden layer, then a linear output layer.
    /// Weights come from libtorch's global generator, so seed it first for reproducible init; dropout draws from
    /// <paramref name="generator"/> (null for a model that only predicts).</summary>
    public nn.Module<Tensor, Tensor> Build(Generator? generator = null)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = Inputs;
        for (var i = 0; i < Hidden.Length; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(width, Hidden[i])));
            if (LayerNorm)
                layers.Add(($"norm{i}", nn.LayerNorm(Hidden[i])));
            layers.Add(($"act{i}", NormaliseActivation(Activation) switch
            {
                "relu" => nn.ReLU(),
                "gelu" => nn.GELU(),
                _ => nn.Tanh(),
            }));
            if (Dropout > 0)
                layers.Add(($"dropout{i}", new SeededDropout(Dropout, generator)));
            width = Hidden[i];
        }
        layers.Add(("output", nn.Linear(width, Outputs)));
        return nn.Sequential(layers);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Hidden.Length);
        foreach (var h in Hidden) writer.Write(h);
        writer.Write(Outputs);
        writer.Write(Activation);
        writer.Write(Dropout);
        writer.Write(LayerNorm);
    }

    public static MlpArchitecture Read(BinaryReader reader)
    {
        var inputs = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (inputs < 1 || count is < 0 or > 1000)
            throw new InvalidDataException("Corrupt MLP architecture header.");
        var hidden = new int[count];
        for (var i = 0; i < count; i++) hidden[i] = reader.ReadInt32();
        return new MlpArchitecture(inputs, hidden, reader.ReadInt32(), reader.ReadString(), reader.ReadDouble(), reader.ReadBoolean());
    }
}
