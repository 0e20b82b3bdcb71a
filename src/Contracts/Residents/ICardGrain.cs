namespace Ops.Contracts.Residents;

/// <summary>One card number of a site, keyed <c>{siteId}/{CARD}</c> (upper case): which resident holds it.
/// Saves claim cards here. A swipe asks the site's <see cref="IResidentDirectoryGrain"/> first, and comes here when
/// no active resident there lists the card, and when the card is refused.</summary>
[Alias("ops.card-grain")]
public interface ICardGrain : IGrainWithStringKey
{
    [Alias("get-holder")]
    Task<string?> GetHolderAsync();

    /// <summary>Gives the card to a resident unless another active resident holds it.</summary>
    [Alias("claim")]
    Task<HolderClaim> ClaimAsync(string residentId);

    /// <summary>The card was refused at a gate; after <c>cardHelpDenials</c> refusals within
    /// <c>cardHelpWindowSeconds</c> the card's owner likely needs help (the care rules (README) card-help).</summary>
    [Alias("denied")]
    Task DeniedAsync(string gateId, DateTimeOffset at, Sites.CareConfig care);

    /// <summary>Releases the card if this resident holds it, back to <paramref name="restoreTo"/> (a claim undone) or to nobody.</summary>
    [Alias("release")]
    Task ReleaseAsync(string residentId, string? restoreTo = null);

    /// <summary>Goes back to storage once idle: an import's claims are done with it (<see cref="IResidentGrain.ImportAsync"/>).</summary>
    [Orleans.Concurrency.OneWay, Alias("rest")]
    Task RestAsync();
}
