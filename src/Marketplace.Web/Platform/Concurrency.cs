using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Platform;

public static class Concurrency
{
    /// <summary>
    /// A client that read version N may only write over version N. Checked up front, so a stale edit is refused
    /// before any rule runs; EF's xmin token still guards the gap between this read and the write.
    /// </summary>
    public static void ExpectVersion(uint current, uint? expected)
    {
        if (expected is { } version && version != current)
            throw new DbUpdateConcurrencyException("Stale version.");
    }
}
