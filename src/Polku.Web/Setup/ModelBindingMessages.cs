using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Polku.Web.Setup;

/// <summary>Replaces the framework's English model-binding messages with translated ones.</summary>
public static class ModelBindingMessages
{
    public static void Localise(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => Localised("Validation.Required"));
        messages.SetMissingBindRequiredValueAccessor(_ => Localised("Validation.Required"));
        messages.SetMissingKeyOrValueAccessor(() => Localised("Validation.Required"));
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Localised("Validation.Invalid"));
        messages.SetUnknownValueIsInvalidAccessor(_ => Localised("Validation.Invalid"));
        messages.SetValueIsInvalidAccessor(_ => Localised("Validation.Invalid"));
        messages.SetValueMustBeANumberAccessor(_ => Localised("Validation.Number"));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Localised("Validation.Invalid"));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Localised("Validation.Invalid"));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Localised("Validation.Number"));
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Localised("Validation.Required"));
    }

    private static string Localised(string key) => Polku.Core.Localisation.TextsResource.Get(key);
}
