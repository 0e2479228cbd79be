namespace Marketplace.Web.Platform.Localization;

/// <summary>Marker for the one shared string table (SharedResource.zh-CN.resx); English text is the key.</summary>
public sealed class SharedResource;
