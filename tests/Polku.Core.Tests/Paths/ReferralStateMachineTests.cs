using Polku.Core.Paths;

namespace Polku.Core.Tests.Paths;

/// <summary>Every allowed and refused step of the referral workflow, on the entity itself.</summary>
public sealed class ReferralStateMachineTests
{
    private const int Sender = 1;
    private const int Receiver = 2;
    private const int Other = 3;
    private const int SenderWorker = 10;
    private const int ReceiverWorker = 20;
    private static readonly DateTime T0 = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Episode NewEpisode() => new() { ClientId = Guid.NewGuid(), OrganisationId = Sender, Title = "Perhetyö", StartedAt = T0 };

    private static Referral Requested(Episode episode, ReferralKind kind = ReferralKind.Referral, int? toProfessional = null) =>
        Referral.Request(episode, kind, Sender, SenderWorker, Receiver, toProfessional, null, "Tarvitaan perhetyötä", true, null, T0).Value!;

    private static Referral InState(ReferralStatus status, Episode episode)
    {
        var referral = Requested(episode);
        var error = status switch
        {
            ReferralStatus.Requested => null,
            ReferralStatus.Accepted => referral.Accept(episode, Receiver, ReceiverWorker, T0.AddDays(1)),
            ReferralStatus.Rejected => referral.Reject(Receiver, ReceiverWorker, "Ei kuulu meille", T0.AddDays(1)),
            ReferralStatus.Revoked => referral.Revoke(Sender, T0.AddDays(1)),
            ReferralStatus.Completed => referral.Accept(episode, Receiver, ReceiverWorker, T0.AddDays(1)) ?? referral.Complete(Receiver, ReceiverWorker, T0.AddDays(2)),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        Assert.Null(error);
        Assert.Equal(status, referral.Status);
        return referral;
    }

    private static PathError? Take(Referral referral, Episode episode, ReferralAction action) => action switch
    {
        ReferralAction.Accept => referral.Accept(episode, Receiver, ReceiverWorker, T0.AddDays(3)),
        ReferralAction.Reject => referral.Reject(Receiver, ReceiverWorker, "Syy", T0.AddDays(3)),
        ReferralAction.Complete => referral.Complete(Receiver, ReceiverWorker, T0.AddDays(3)),
        ReferralAction.Revoke => referral.Revoke(Sender, T0.AddDays(3)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static TheoryData<ReferralStatus, ReferralAction, ReferralStatus?> Transitions()
    {
        var allowed = new Dictionary<(ReferralStatus, ReferralAction), ReferralStatus>
        {
            [(ReferralStatus.Requested, ReferralAction.Accept)] = ReferralStatus.Accepted,
            [(ReferralStatus.Requested, ReferralAction.Reject)] = ReferralStatus.Rejected,
            [(ReferralStatus.Requested, ReferralAction.Revoke)] = ReferralStatus.Revoked,
            [(ReferralStatus.Accepted, ReferralAction.Complete)] = ReferralStatus.Completed,
        };
        var data = new TheoryData<ReferralStatus, ReferralAction, ReferralStatus?>();
        foreach (var from in Enum.GetValues<ReferralStatus>())
        {
            foreach (var action in Enum.GetValues<ReferralAction>())
            {
                data.Add(from, action, allowed.TryGetValue((from, action), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Transition_IsAllowedOnlyWhereTheWorkflowSays(ReferralStatus from, ReferralAction action, ReferralStatus? expected)
    {
        var episode = NewEpisode();
        var referral = InState(from, episode);
        var version = referral.Version;

        var error = Take(referral, episode, action);

        if (expected is { } to)
        {
            Assert.Null(error);
            Assert.Equal(to, referral.Status);
            Assert.Equal(version + 1, referral.Version);
        }
        else
        {
            Assert.Equal(PathError.InvalidTransition, error);
            Assert.Equal(from, referral.Status);
            Assert.Equal(version, referral.Version);
        }
    }

    [Fact]
    public void Request_WithoutConsentOrOverrideReason_IsRefused()
    {
        var outcome = Referral.Request(NewEpisode(), ReferralKind.Referral, Sender, SenderWorker, Receiver, null, null, "Syy", false, "  ", T0);

        Assert.Equal(PathError.ConsentRequired, outcome.Error);
    }

    [Fact]
    public void Request_WithOverrideReason_RecordsTheOverride()
    {
        var referral = Referral.Request(NewEpisode(), ReferralKind.Referral, Sender, SenderWorker, Receiver, null, null, "Syy", false, " Lastensuojelulaki 25 § ", T0).Value!;

        Assert.False(referral.ClientConsented);
        Assert.Equal("Lastensuojelulaki 25 §", referral.OverrideReason);
        Assert.Equal(ReferralStatus.Requested, referral.Status);
    }

    [Fact]
    public void Request_ToOwnOrganisation_IsRefused_AndToAClosedEpisode_Too()
    {
        var episode = NewEpisode();
        Assert.Equal(PathError.SameOrganisation, Referral.Request(episode, ReferralKind.Referral, Sender, SenderWorker, Sender, null, null, "Syy", true, null, T0).Error);
        episode.Close(T0);
        Assert.Equal(PathError.EpisodeClosed, Referral.Request(episode, ReferralKind.Referral, Sender, SenderWorker, Receiver, null, null, "Syy", true, null, T0).Error);
    }

    [Fact]
    public void Reject_WithoutReason_IsRefused_AndNothingChanges()
    {
        var referral = Requested(NewEpisode());

        Assert.Equal(PathError.ReasonRequired, referral.Reject(Receiver, ReceiverWorker, " ", T0));
        Assert.Equal(ReferralStatus.Requested, referral.Status);
    }

    [Fact]
    public void OnlyTheReceiver_AnswersAndCompletes_AndOnlyTheSender_Revokes()
    {
        var episode = NewEpisode();
        var referral = Requested(episode);

        Assert.Equal(PathError.NotReceiver, referral.Accept(episode, Other, 99, T0));
        Assert.Equal(PathError.NotReceiver, referral.Reject(Sender, SenderWorker, "Syy", T0));
        Assert.Equal(PathError.NotSender, referral.Revoke(Receiver, T0));
        Assert.Null(referral.Accept(episode, Receiver, ReceiverWorker, T0));
        Assert.Equal(PathError.NotReceiver, referral.Complete(Sender, SenderWorker, T0));
    }

    [Fact]
    public void ReferralToANamedProfessional_IsAnsweredOnlyByThem()
    {
        var episode = NewEpisode();
        var referral = Requested(episode, toProfessional: ReceiverWorker);

        Assert.Equal(PathError.NotReceiver, referral.Accept(episode, Receiver, ReceiverWorker + 1, T0));
        Assert.Null(referral.Accept(episode, Receiver, ReceiverWorker, T0));
    }

    [Fact]
    public void Handover_MovesOwnership_OnlyWhenTheReceiverAccepts()
    {
        var episode = NewEpisode();
        episode.ProposeWorker(SenderWorker);
        episode.AcceptWorkerRole(SenderWorker, T0);
        var handover = Requested(episode, ReferralKind.Handover);

        Assert.Equal((SenderWorker, Sender), (episode.ResponsibleWorkerId!.Value, episode.OrganisationId));
        Assert.Null(handover.Accept(episode, Receiver, ReceiverWorker, T0.AddDays(2)));
        Assert.Equal((ReceiverWorker, Receiver, T0.AddDays(2)), (episode.ResponsibleWorkerId!.Value, episode.OrganisationId, episode.ResponsibleWorkerSince!.Value));
    }

    [Fact]
    public void RejectedHandover_KeepsTheOwner()
    {
        var episode = NewEpisode();
        episode.ProposeWorker(SenderWorker);
        episode.AcceptWorkerRole(SenderWorker, T0);
        var handover = Requested(episode, ReferralKind.Handover);

        handover.Reject(Receiver, ReceiverWorker, "Ei resursseja", T0.AddDays(1));

        Assert.Equal(SenderWorker, episode.ResponsibleWorkerId);
    }

    [Fact]
    public void ResponsibleWorker_IsNamedOnlyWhenTheProposedProfessionalAccepts()
    {
        var episode = NewEpisode();
        episode.Customership = Polku.Core.Segmentation.Customership.Network;

        Assert.Null(episode.ProposeWorker(SenderWorker));
        Assert.True(episode.NeedsOwner);
        Assert.Equal(PathError.NotProposed, episode.AcceptWorkerRole(Other, T0));
        Assert.Null(episode.AcceptWorkerRole(SenderWorker, T0));
        Assert.False(episode.NeedsOwner);
        Assert.Null(episode.ProposedWorkerId);
    }

    [Fact]
    public void DeclinedRole_LeavesTheEpisodeWithoutOwner()
    {
        var episode = NewEpisode();
        episode.ProposeWorker(SenderWorker);

        Assert.Null(episode.DeclineWorkerRole(SenderWorker));
        Assert.Null(episode.ProposedWorkerId);
        Assert.Null(episode.ResponsibleWorkerId);
        Assert.Equal(PathError.NotProposed, episode.AcceptWorkerRole(SenderWorker, T0));
    }
}
