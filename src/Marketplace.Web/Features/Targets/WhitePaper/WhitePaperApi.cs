using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Localization;

namespace Marketplace.Web.Features.Targets.WhitePaper;

public static class WhitePaperApi
{
    public static IEndpointRouteBuilder MapWhitePaper(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/white-paper/{year:int}", async (int year, WhitePaperPdf printer, HttpContext http,
                Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> t, CancellationToken ct) =>
            {
                TargetsFeature.ValidYear(year, "year");
                var (path, unavailable) = await printer.PrintAsync(year, ct);
                if (path is null) return Results.Problem(statusCode: 503, title: t["Service unavailable"], detail: t.Say(unavailable!));
                http.Response.RegisterForDispose(new DeleteOnDispose(path));
                return Results.File(path, "application/pdf", $"white-paper-{year}.pdf");
            })
            .WithTags("Targets")
            .RequireAuthorization(Roles.ParkAdmin);
        return app;
    }

    /// <summary>Removes the printed file once the response has been sent.</summary>
    private sealed class DeleteOnDispose(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
