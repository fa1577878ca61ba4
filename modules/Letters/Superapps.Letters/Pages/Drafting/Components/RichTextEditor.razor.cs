using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Letters.Pages.Drafting.Components;

/// <summary>One toolbar button: the browser's editing command it runs, its icon and its accessible name.</summary>
/// <param name="Name">The command (see wwwroot/js/rich-text-editor.js).</param>
/// <param name="Toggles">True for on/off formatting (bold, lists, alignment), shown with aria-pressed.</param>
public sealed record EditorCommand(string Name, string Icon, string Label, bool Toggles);

/// <summary>
/// Edits a letter body as rich text in the browser (wwwroot/js/rich-text-editor.js): bold, italic, underline, numbered and bulleted
/// lists, alignment, undo and redo. The value is limited HTML (p, br, strong/b, em/i, u, ol, ul, li, tables); pasted text is cleaned
/// to the same subset in the browser. Changes are sent while typing (debounced), at once when the area loses focus, and one last time
/// before the component goes away, so nothing typed is lost. The browser is not trusted: the server sanitises what it stores
/// (<c>IRichTextSanitizer</c>).
/// </summary>
public sealed partial class RichTextEditor
{
    public const string ModulePath = "./_content/Superapps.Letters/js/rich-text-editor.js";

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private ElementReference _editor;
    private ElementReference _toolbar;
    private IJSObjectReference? _module;
    private DotNetObjectReference<RichTextEditor>? _self;
    private string? _shown;
    private string? _lastParameter;
    private bool _attached;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The HTML of the body.</summary>
    [Parameter]
    public string? Value { get; set; }

    /// <summary>Raised with the new HTML as the user edits.</summary>
    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>The field's label, shown above the toolbar and naming the editing area for screen readers.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>A hint under the editor.</summary>
    [Parameter]
    public string? HelperText { get; set; }

    /// <summary>Read-only: the text shows, the toolbar and the area do not edit.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The smallest height of the editing area (CSS), e.g. "16rem".</summary>
    [Parameter]
    public string MinHeight { get; set; } = "14rem";

    /// <summary>The wait after the last keystroke before the value is sent, in milliseconds.</summary>
    [Parameter]
    public int DebounceMilliseconds { get; set; } = 400;

    /// <summary>The last value the editor knows it shows (from the parent or from the browser).</summary>
    public string? CurrentValue => _shown;

    private string EditorId => "rte-" + _id;

    private string LabelId => "rte-label-" + _id;

    /// <summary>The toolbar in groups; built per use, as the labels follow the user's language.</summary>
    private static IReadOnlyList<IReadOnlyList<EditorCommand>> Groups =>
    [
        [
            new("bold", Icons.Material.Filled.FormatBold, T("Tebal", "Bold"), true),
            new("italic", Icons.Material.Filled.FormatItalic, T("Miring", "Italic"), true),
            new("underline", Icons.Material.Filled.FormatUnderlined, T("Garis bawah", "Underline"), true),
        ],
        [
            new("insertOrderedList", Icons.Material.Filled.FormatListNumbered, T("Daftar bernomor", "Numbered list"), true),
            new("insertUnorderedList", Icons.Material.Filled.FormatListBulleted, T("Daftar berbutir", "Bulleted list"), true),
        ],
        [
            new("justifyLeft", Icons.Material.Filled.FormatAlignLeft, T("Rata kiri", "Align left"), true),
            new("justifyCenter", Icons.Material.Filled.FormatAlignCenter, T("Rata tengah", "Align centre"), true),
            new("justifyRight", Icons.Material.Filled.FormatAlignRight, T("Rata kanan", "Align right"), true),
            new("justifyFull", Icons.Material.Filled.FormatAlignJustify, T("Rata kiri-kanan", "Justify"), true),
        ],
        [
            new("undo", Icons.Material.Filled.Undo, T("Urungkan", "Undo"), false),
            new("redo", Icons.Material.Filled.Redo, T("Ulangi", "Redo"), false),
        ],
    ];

    /// <summary>All toolbar commands, in order.</summary>
    public static IEnumerable<EditorCommand> Commands => Groups.SelectMany(g => g);

    protected override async Task OnParametersSetAsync()
    {
        // Only a new value from the parent (a template, a reset) replaces what the browser shows; a parent that re-renders with
        // the value it passed before (one-way binding) does not wipe what was typed since.
        var changedByParent = !string.Equals(Value, _lastParameter, StringComparison.Ordinal);
        _lastParameter = Value;
        if (_attached && changedByParent && !string.Equals(Value, _shown, StringComparison.Ordinal) && _module is not null)
        {
            _shown = Value;
            await _module.InvokeVoidAsync("setHtml", _editor, Value ?? string.Empty);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _shown = Value;
                await _module.InvokeVoidAsync("attach", _editor, _toolbar, _self, Value ?? string.Empty, DebounceMilliseconds);
                _attached = true;
            }
            catch (JSDisconnectedException)
            {
                // The circuit closed while the page was still loading.
            }
        }
    }

    /// <summary>The browser reports the edited HTML (debounced while typing, at once on blur).</summary>
    [JSInvokable]
    public Task OnContentChanged(string? html) => InvokeAsync(() => ChangedAsync(html));

    private async Task ChangedAsync(string? html)
    {
        html ??= string.Empty;
        if (string.Equals(html, _shown ?? string.Empty, StringComparison.Ordinal))
        {
            return;
        }

        _shown = html;
        await ValueChanged.InvokeAsync(html);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_module is not null)
            {
                // Whatever was typed since the last report is handed over before the editor goes.
                var last = await _module.InvokeAsync<string?>("detach", _editor);
                if (last is not null)
                {
                    await ChangedAsync(last);
                }

                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser page with it.
        }
        catch (ObjectDisposedException)
        {
            // The parent went first.
        }

        _self?.Dispose();
    }
}
