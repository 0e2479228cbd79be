using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or reaching a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MarketplaceDb>
{
    public MarketplaceDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MarketplaceDb>()
        .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
