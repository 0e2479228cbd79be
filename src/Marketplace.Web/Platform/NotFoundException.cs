using Marketplace.Domain.Common;

namespace Marketplace.Web.Platform;

/// <summary>Thrown by handlers when the object does not exist for this caller (including "not yours"). <paramref name="what"/>
/// names the kind of object as readers know it ("Listing"), said in their language.</summary>
public sealed class NotFoundException(Text what) : Exception($"{what} was not found.")
{
    public Text Text { get; } = new("{0} was not found.", what);
}
