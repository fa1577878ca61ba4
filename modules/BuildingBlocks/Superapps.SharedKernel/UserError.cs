namespace Superapps.SharedKernel;

/// <summary>
/// An error a user can act on, stated in Indonesian (the UI's first language) and English.
/// </summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>organization.nip.invalid</c>.</param>
/// <param name="Indonesian">The message in Indonesian.</param>
/// <param name="English">The message in English.</param>
/// <param name="Field">The input field the error belongs to, when there is one.</param>
public sealed record UserError(string Code, string Indonesian, string English, string? Field = null)
{
    /// <summary>The message in the language of the current UI culture.</summary>
    public string Message(System.Globalization.CultureInfo? culture = null) =>
        (culture ?? System.Globalization.CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en" ? English : Indonesian;

    public override string ToString() => $"{Code}: {Indonesian} / {English}";
}

/// <summary>Thrown when a rule of the domain rejects an operation; carries a <see cref="UserError"/>.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(UserError error)
        : base(error.ToString()) => Errors = [error];

    public DomainRuleException(IReadOnlyList<UserError> errors)
        : base(string.Join("; ", errors)) => Errors = errors;

    public IReadOnlyList<UserError> Errors { get; }

    public UserError Error => Errors[0];
}
