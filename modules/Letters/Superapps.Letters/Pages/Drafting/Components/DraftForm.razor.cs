using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Pages.Drafting.Components;

/// <summary>The default review chain for a kind, and whether the letter leaves the drafting OPD (<see cref="DraftDefaults.ChainAsync"/>).</summary>
public delegate Task<(IReadOnlyList<ChainPosition> Reviewers, ChainPosition? Signer)> DefaultChainSource(LetterKind kind, bool leavesAgency);

public sealed partial class DraftForm
{
    [Parameter, EditorRequired]
    public required DraftFormModel Model { get; set; }

    /// <summary>The drafting OPD's positions: addressees, copies, reviewers and signer.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<PositionInfo> Positions { get; set; }

    /// <summary>The heads of the other OPDs: addressees and copies.</summary>
    [Parameter]
    public IReadOnlyList<PositionInfo> OtherAgencyHeads { get; set; } = [];

    [Parameter, EditorRequired]
    public required DefaultChainSource DefaultChain { get; set; }

    /// <summary>Saves what the form holds, and submits it after saving when the flag is set. Throws <see cref="DomainRuleException"/> when refused.</summary>
    [Parameter, EditorRequired]
    public required Func<DraftInput, bool, Task> Save { get; set; }

    /// <summary>A new draft may still change its kind; a saved one keeps it.</summary>
    [Parameter]
    public bool CanChangeKind { get; set; }

    /// <summary>Shows "Simpan dan ajukan".</summary>
    [Parameter]
    public bool CanSubmit { get; set; }

    /// <summary>Where "Batal" leads, when shown.</summary>
    [Parameter]
    public string? Cancel { get; set; }

    private IReadOnlyList<UserError> _errors = [];
    private bool _busy;
    private int _chainRequest;

    protected override async Task OnInitializedAsync()
    {
        if (!Model.ChainChosenByHand)
        {
            await DefaultChainAsync();
        }
    }

    /// <summary>What the form can tell before asking the server: a subject to save; everything a letter needs to submit.</summary>
    public static IReadOnlyList<UserError> Validate(DraftFormModel model, bool submitting)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(model.Subject))
        {
            errors.Add(DraftingErrors.Subject);
        }

        if (!submitting)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(model.ClassificationCode))
        {
            errors.Add(DraftingErrors.Classification);
        }

        if (string.IsNullOrWhiteSpace(PlainText(model.BodyHtml)))
        {
            errors.Add(DraftingErrors.Body);
        }

        if (model.InternalAddressees.Count == 0 && model.ExternalAddressees.Count == 0)
        {
            errors.Add(DraftingErrors.NoAddressee);
        }

        if (model.SignerPositionId is null)
        {
            errors.Add(DraftingErrors.NoSigner);
        }

        return errors;
    }

    private static string PlainText(string? html) =>
        Regex.Replace(html ?? string.Empty, "<[^>]*>", " ").Replace("&nbsp;", " ", StringComparison.Ordinal);

    private async Task SaveAsync(bool submit)
    {
        _errors = Validate(Model, submit);
        if (_errors.Count > 0)
        {
            return;
        }

        _busy = true;
        try
        {
            await Save(Model.ToInput(), submit);
        }
        catch (DomainRuleException ex)
        {
            _errors = ex.Errors;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task KindAsync(LetterKind kind)
    {
        Model.Kind = kind;
        Model.BodyHtml = DraftTemplates.BodyFor(kind);
        await AddresseesChangedAsync();
    }

    /// <summary>The default chain follows the addressees (a letter leaving the OPD is signed by its head) until the user sets it by hand.</summary>
    private async Task AddresseesChangedAsync()
    {
        if (!Model.ChainChosenByHand)
        {
            await DefaultChainAsync();
        }
    }

    /// <summary>
    /// Asks for the default chain. Requests overlap (the form's first one may still be on its way when an addressee is added):
    /// only the latest may set the chain, and none after the user has arranged it by hand.
    /// </summary>
    private async Task DefaultChainAsync()
    {
        var request = ++_chainRequest;
        var (reviewers, signer) = await DefaultChain(Model.Kind, Model.LeavesAgency(Positions.Select(p => p.PositionId)));
        if (request != _chainRequest)
        {
            return;
        }

        Model.Reviewers.Clear();
        Model.Reviewers.AddRange(reviewers);
        Model.SignerPositionId = signer?.PositionId;
        Model.ChainChosenByHand = false;
    }

    private void ChainEdited()
    {
        Model.ChainChosenByHand = true;
        _chainRequest++;
    }
}
