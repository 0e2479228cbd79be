namespace Marketplace.Web.Features.Targets;

/// <summary>One headline figure on the dashboard: its value, its progress when a plan applies, and how much of it is
/// verified, documented or only declared (each share linking to its records for the park office).</summary>
public sealed record FigureCard(string Key, string Title, decimal Value, Progress? Progress, EvidenceFigures Evidence, string? Drill)
{
    public bool Counted => Key == "sessions";

    /// <summary>Where the value is in /api/targets, for the live redraw.</summary>
    public string Path => Key switch
    {
        "contracted" => "deals.contracted",
        "received" => "deals.received",
        "disbursed" => "pledgeFinancing.disbursed",
        _ => "sessions.held",
    };
}
