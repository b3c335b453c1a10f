namespace Tongban.Platform.Web;

/// <summary>
/// Marker for the UI text resources. Keys are the Simplified Chinese text itself, so pages read
/// naturally; Resources/Platform/Web/SharedResource.en.resx (when added) carries English.
/// </summary>
public sealed class SharedResource;
