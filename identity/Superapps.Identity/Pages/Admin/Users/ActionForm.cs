namespace Superapps.Identity.Pages.Admin.Users;

/// <summary>One administrator action on the account page: a form with a reason and a button.</summary>
public sealed record ActionForm(string Action, string Handler, string Title, string Explanation, bool ReasonRequired, bool Danger, string? Reason);
