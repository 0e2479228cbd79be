using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Features.Shared;

/// <summary>
/// Razor Pages keep the page's own path in the route value "page", and model binding reads route values before the
/// query string: <c>?Page=2</c> bound "/Listings/Index" to the page number, which failed, and every pager in the app
/// showed page 1 again. This provider, first in the list, answers the key "page" from the query string alone (only
/// when the query has one), so page models bind the number the pager wrote; every other key binds as before.
/// </summary>
internal sealed class PageNumberValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var query = context.ActionContext.HttpContext.Request.Query;
        if (query.TryGetValue("page", out var number))
        {
            var only = new QueryCollection(new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase) { ["page"] = number });
            context.ValueProviders.Insert(0, new QueryStringValueProvider(BindingSource.Query, only, CultureInfo.InvariantCulture));
        }
        return Task.CompletedTask;
    }
}
