using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// The whole joint model: one encoder per modality block, a learned absent embedding per modality that replaces the
/// encoder output where the row's block is absent, a <see cref="FusionLayer"/>, and the head.
/// forward(x [rows, Σ dims], present [rows, modalities] bool) → logits (or the standardised value) [rows, outputs].
/// </summary>
internal sealed class JointNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> encoders;
    private readonly Parameter absent;
    private readonly FusionLayer fusion;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly int[] _offsets;
    private readonly int[] _blocks;
    private readonly bool[] _spectrograms;

    public JointNetwork(JointArchitecture a, Generator? generator = null) : base("joint")
    {
        _blocks = a.Blocks.ToArray();
        _spectrograms = _blocks.Select((_, m) => a.SpectrogramBands(m) > 0).ToArray();
        _offsets = new int[_blocks.Length];
        for (var m = 1; m < _blocks.Length; m++)
            _offsets[m] = _offsets[m - 1] + _blocks[m - 1];
        encoders = nn.ModuleList(_blocks.Select((d, m) => a.SpectrogramBands(m) > 0
            ? new SpectrogramEncoder(a.SpectrogramBands(m), d, a.Hidden, a.Activation, a.Dropout, a.Masks ?? SpecAugmentOptions.None, generator)
            : JointLayers.Encoder(d, a.Hidden, a.Activation, a.Dropout, generator)).ToArray());
        // Zero start: an absent block begins as "no signal", and training moves it where it helps.
        absent = new Parameter(zeros(a.Modalities, a.Hidden));
        fusion = JointLayers.Fusion(a);
        head = JointLayers.Head(fusion.OutputSize, a.Hidden, a.Outputs, a.Activation, a.Dropout, generator);
        RegisterComponents();
    }

    /// <summary>The parameter names of each encoder's first linear weight (for tests and diagnostics).</summary>
    public IReadOnlyList<string> EncoderWeightNames => _blocks.Select((_, m) =>
        _spectrograms[m] ? $"encoders.{m}.projection.linear.weight" : $"encoders.{m}.linear.weight").ToArray();

    public override Tensor forward(Tensor x, Tensor present)
    {
        var hidden = new Tensor[_blocks.Length];
        for (var m = 0; m < _blocks.Length; m++)
        {
            var encoded = encoders[m].forward(x.narrow(1, _offsets[m], _blocks[m]));
            hidden[m] = where(present.narrow(1, m, 1), encoded, absent[m].unsqueeze(0));
        }
        return head.forward(fusion.forward(stack(hidden, 1), present));
    }
}
