using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillCenter.SharedKernel.Web;

/// <summary>
/// The rule every text a page binds passes, whatever the page: no control characters (a NUL byte, an escape…) and at
/// most <see cref="MaxLength"/> characters. A value that breaks it is not bound (the field stays empty, so it reaches no
/// handler and no database) and the field shows why, in the error summary too. Tabs and line breaks are allowed.
/// </summary>
public sealed partial class FormTextBinderProvider : IModelBinderProvider
{
    /// <summary>Longer than any field a person types (a password may be 64 characters or more).</summary>
    public const int MaxLength = 1_000;

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string) || context.BindingInfo.BindingSource is { IsGreedy: true })
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new Binder(new SimpleTypeModelBinder(typeof(string), loggerFactory));
    }

    /// <summary>What is wrong with <paramref name="value"/>, in words for the field called <paramref name="field"/>; null when nothing is.</summary>
    public static string? Problem(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field} must be {MaxLength:N0} characters or fewer");
        }

        return value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            ? $"{field} must not contain control characters"
            : null;
    }

    /// <summary>The product's words for the fields every journey has; other fields are named after their property ("CardNumber" → "Card number").</summary>
    private static readonly Dictionary<string, string> KnownFields = new(StringComparer.Ordinal)
    {
        ["UserName"] = "User ID",
        ["CardId"] = "Card ID",
        ["Zip"] = "ZIP code",
        ["Street"] = "Billing street address",
        ["Code"] = "One-time code",
    };

    private static string FieldName(ModelMetadata metadata)
    {
        if (!string.IsNullOrEmpty(metadata.DisplayName))
        {
            return metadata.DisplayName;
        }

        var property = metadata.PropertyName ?? metadata.Name ?? string.Empty;
        if (KnownFields.TryGetValue(property, out var known))
        {
            return known;
        }

        var name = string.Join(' ', Words().Matches(property).Select(m => m.Value.ToLowerInvariant()));
        return name.Length == 0 ? "This field" : char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The fields of this request this rule refused (empty when none).</summary>
    public static ISet<string> RejectedFields(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[typeof(FormTextBinderProvider)] is not ISet<string> rejected)
        {
            rejected = new HashSet<string>(StringComparer.Ordinal);
            http.Items[typeof(FormTextBinderProvider)] = rejected;
        }

        return rejected;
    }

    [GeneratedRegex("[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Words();

    private sealed class Binder(IModelBinder strings) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            var problem = values.Values.Select(value => Problem(value, FieldName(bindingContext.ModelMetadata))).FirstOrDefault(p => p is not null);
            if (problem is null)
            {
                return strings.BindModelAsync(bindingContext);
            }

            // Not bound, and not written back into the page either; the page's handler will not run (ValidationPageFilter).
            RejectedFields(bindingContext.HttpContext).Add(bindingContext.ModelName);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: string.Empty);
            bindingContext.ModelState.AddModelError(bindingContext.ModelName, problem);
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
