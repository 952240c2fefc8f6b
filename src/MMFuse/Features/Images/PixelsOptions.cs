namespace MMFuse.Features.Images;

/// <summary>Settings of the <c>pixels</c> featuriser: the image is stretched to Size x Size.</summary>
public sealed record PixelsOptions(int Size = 16);
