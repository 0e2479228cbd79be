using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Localization;

/// <summary>
/// Razor Pages' own model-binding refusals ("The value 'abc' is not valid for Capacity.") in the reader's language.
/// The localizer reads the culture when a message is made, so one set of accessors serves every request. The field is
/// named by its display name, which the pages set to the label they show.
/// </summary>
internal sealed class BindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, t[field].Value]);
        m.SetUnknownValueIsInvalidAccessor(field => t["The value of {0} is not valid.", t[field].Value]);
        m.SetValueMustBeANumberAccessor(field => t["{0} must be a number.", t[field].Value]);
        m.SetMissingBindRequiredValueAccessor(field => t["{0} is required.", t[field].Value]);
        m.SetValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value is not valid."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["The value must be a number."]);
        m.SetValueMustNotBeNullAccessor(_ => t["A value is required."]);
        m.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["A value is required."]);
    }
}
