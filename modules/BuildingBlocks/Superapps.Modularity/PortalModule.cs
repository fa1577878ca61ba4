using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Superapps.Modularity;

/// <summary>
/// What a module shows the portal: its routable pages, its navigation entries and its policies.
/// Each module has one implementation, registered by its <c>Add&lt;Module&gt;Module</c> extension.
/// </summary>
public interface IPortalModule
{
    /// <summary>The module's name, also its database schema, e.g. <c>organization</c>.</summary>
    string Name { get; }

    /// <summary>The assembly holding the module's routable Razor pages.</summary>
    Assembly PagesAssembly { get; }

    /// <summary>Navigation entries; each names the policy a user needs to see it.</summary>
    IReadOnlyList<NavigationItem> Navigation { get; }

    /// <summary>Adds the module's authorization policies.</summary>
    void AddPolicies(AuthorizationOptions options);

    /// <summary>
    /// Components the home page shows above the launcher (e.g. the letters counters), each rendered for every signed-in user;
    /// a widget decides for itself whether it has anything to show.
    /// </summary>
    IReadOnlyList<Type> HomeWidgets => [];

    /// <summary>
    /// Components the portal's top bar shows for every signed-in user, left of the user menu (e.g. the notifications bell);
    /// each decides for itself whether it has anything to show.
    /// </summary>
    IReadOnlyList<Type> TopBarItems => [];

    /// <summary>Maps the module's HTTP endpoints (downloads, APIs); each names its authorization policy.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>An entry in the portal's navigation and home launcher.</summary>
/// <param name="Indonesian">Title in Indonesian.</param>
/// <param name="English">Title in English.</param>
/// <param name="Href">Relative URL.</param>
/// <param name="Icon">A MudBlazor icon (SVG path string).</param>
/// <param name="Policy">The policy a user needs for the entry to show.</param>
/// <param name="Order">Ordering among all modules' entries.</param>
/// <param name="Description">A one-line description in Indonesian for the launcher tile.</param>
/// <param name="DescriptionEnglish">The same in English.</param>
public sealed record NavigationItem(
    string Indonesian,
    string English,
    string Href,
    string Icon,
    string Policy,
    int Order,
    string Description = "",
    string DescriptionEnglish = "")
{
    public string Title(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? English : Indonesian;

    public string Summary(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? DescriptionEnglish : Description;
}
