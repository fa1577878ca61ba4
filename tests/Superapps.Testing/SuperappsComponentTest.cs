using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace Superapps.Testing;

/// <summary>
/// The one bUnit context every component test derives from (after MudBlazor's own <c>BunitTest</c>):
/// MudBlazor's services, JavaScript interop in loose mode (MudBlazor calls into JS that a test has no use
/// for), and the portal's languages: Indonesian unless a test asks for English.
/// </summary>
/// <remarks>
/// Find elements again after every interaction: a click re-renders, and elements found before it may be stale.
/// Assert what a user sees and what the component does, not whole markup.
/// </remarks>
public abstract class SuperappsComponentTest : BunitContext
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected SuperappsComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture(Indonesian);
    }

    /// <summary>Renders from now on in <paramref name="culture"/> (the portal's user interface language).</summary>
    protected static void UseCulture(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    protected static void UseEnglish() => UseCulture(English);

    /// <summary>
    /// Renders the provider that MudBlazor's popovers (selects, autocompletes, menus, date pickers) open into;
    /// their content is then found in the returned provider, not in the component.
    /// </summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    /// <summary>Renders the providers a dialog shown through <see cref="IDialogService"/> needs, and returns the dialog provider it appears in.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogProvider()
    {
        RenderPopoverProvider();
        return Render<MudDialogProvider>();
    }

    protected override void Dispose(bool disposing)
    {
        UseCulture(_culture);
        CultureInfo.CurrentUICulture = _uiCulture;
        base.Dispose(disposing);
    }
}
