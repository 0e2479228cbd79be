using System.Text.Json;

namespace Marketplace.Web.Platform;

internal static class ProblemFields
{
    /// <summary>
    /// Validation names fields by their C# path ("Owners[0].Share"); clients sent JSON ("owners[0].share"), so
    /// every error key is turned into the JSON name before the problem is written. A header's name
    /// ("Idempotency-Key") is no C# path and is kept as sent.
    /// </summary>
    public static void UseJsonNames(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem is not Microsoft.AspNetCore.Http.HttpValidationProblemDetails validation) return;
        var renamed = validation.Errors.ToDictionary(
            e => e.Key.Contains('-') ? e.Key : string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)),
            e => e.Value);
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed) validation.Errors[key] = messages;
    }
}
