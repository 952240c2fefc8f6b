namespace MMFuse.Features.Images;

/// <summary>
/// Settings of the <c>resnet18</c> encoder.
/// <para>Sessions: how many session pairs encode in parallel, each on one thread (0 = one per core, at most 8).
/// Measured faster on CPU than one session using several intra-op threads or a batched graph.</para>
/// <para>CenterCrop: true scales the image to cover 224x224 and cuts the centre (keeps aspect ratio);
/// false stretches it (keeps the whole picture, e.g. a spectrogram).</para>
/// <para>ModelDirectory: folder holding ResNetPrepOnnx/ and ResNet18Onnx/; null = DnnImageModels beside the app.</para>
/// </summary>
public sealed record ResNet18Options(int Sessions = 0, bool CenterCrop = true, string? ModelDirectory = null);
