using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Features.Shared;

/// <summary>
/// A form's yes/no field is a checkbox: it posts "true" (and its hidden "false") or nothing, so anything else is "no".
/// The framework's binder would record "maybe" as an attempted value, and re-rendering the checkbox with it throws
/// (a 500 for a hand-made post); this binder reads such a value as false and leaves no error behind.
/// </summary>
public sealed class FormBooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) && context.BindingInfo.BindingSource != BindingSource.Body ? new FormBooleanBinder() : null;

    private sealed class FormBooleanBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None) return Task.CompletedTask;
            var value = string.Equals(posted.FirstValue, "true", StringComparison.OrdinalIgnoreCase)
                        || string.Equals(posted.FirstValue, "on", StringComparison.OrdinalIgnoreCase);
            context.ModelState.SetModelValue(context.ModelName, value, value ? "true" : "false");
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
