namespace Tongban.Platform.Web;

/// <summary>
/// Marker for the UI text resources. Keys are the Simplified Chinese text itself, so pages read
/// naturally; SharedResource.en.resx beside this class carries English (?culture=en or the
/// .AspNetCore.Culture cookie). Missing keys fall back to the Chinese.
/// </summary>
public sealed class SharedResource;
