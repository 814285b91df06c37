using JobsPortal.Data.Entities;

namespace JobsPortal.Tests.Features.Cancellation;

public sealed class CancellationPlanTests
{
    private static readonly JobItemState[] Mixed =
        [JobItemState.PENDING, JobItemState.PROVIDED, JobItemState.DELIVERED, JobItemState.PENDING, JobItemState.CANCELLED];

    [Fact]
    public void Pending_items_are_cancelled_and_provided_ones_stay_with_the_customer()
    {
        var plan = CancellationPlan.For(Mixed, cancelProvidedItems: false);

        Assert.Equal([JobItemState.PENDING, JobItemState.PENDING], plan.ToCancel);
        Assert.Equal([JobItemState.PROVIDED, JobItemState.DELIVERED], plan.ProvidedLeft);
        Assert.Equal(2, plan.ItemsCancelled);
        Assert.Equal(2, plan.ProvidedItemsLeft);
        Assert.False(plan.CancelProvidedItems);
    }

    [Fact]
    public void Cancelling_provided_items_cancels_provided_and_delivered_ones_too_and_leaves_none()
    {
        var plan = CancellationPlan.For(Mixed, cancelProvidedItems: true);

        Assert.Equal([JobItemState.PENDING, JobItemState.PROVIDED, JobItemState.DELIVERED, JobItemState.PENDING], plan.ToCancel);
        Assert.Empty(plan.ProvidedLeft);
        Assert.Equal(4, plan.ItemsCancelled);
        Assert.Equal(0, plan.ProvidedItemsLeft);
    }

    [Fact]
    public void Items_already_cancelled_are_neither_cancelled_again_nor_left()
    {
        var plan = CancellationPlan.For([JobItemState.CANCELLED, JobItemState.CANCELLED], cancelProvidedItems: true);

        Assert.Equal(0, plan.ItemsCancelled);
        Assert.Equal(0, plan.ProvidedItemsLeft);
    }

    [Fact]
    public void A_job_without_items_cancels_nothing()
    {
        var plan = CancellationPlan.For([], cancelProvidedItems: false);

        Assert.Empty(plan.ToCancel);
        Assert.Empty(plan.ProvidedLeft);
    }

    [Theory]
    [InlineData(JobItemState.PENDING, false, true)]
    [InlineData(JobItemState.PENDING, true, true)]
    [InlineData(JobItemState.PROVIDED, false, false)]
    [InlineData(JobItemState.PROVIDED, true, true)]
    [InlineData(JobItemState.DELIVERED, false, false)]
    [InlineData(JobItemState.DELIVERED, true, true)]
    [InlineData(JobItemState.CANCELLED, true, false)]
    public void Which_states_a_cancel_cancels(JobItemState state, bool cancelProvidedItems, bool cancelled) =>
        Assert.Equal(cancelled, CancellationPlan.Cancels(state, cancelProvidedItems));

    [Fact]
    public void Any_item_is_planned_by_its_state_and_keeps_its_order()
    {
        var items = new[] { ("router", JobItemState.DELIVERED), ("visit", JobItemState.PENDING), ("cable", JobItemState.PENDING) };

        var plan = CancellationPlan.For(items, i => i.Item2, cancelProvidedItems: false);

        Assert.Equal(["visit", "cable"], plan.ToCancel.Select(i => i.Item1));
        Assert.Equal(["router"], plan.ProvidedLeft.Select(i => i.Item1));
    }

    [Fact]
    public void The_timeline_sentence_says_channel_status_reason_and_the_counts()
    {
        var plan = CancellationPlan.For(Mixed, cancelProvidedItems: false);

        Assert.Equal("Cancelled via portal with status Cancelled, reason Regret: 2 item(s) cancelled, 2 provided item(s) left with the customer",
            plan.Summary(CancellationChannel.PORTAL, "Cancelled", "Regret", null));
        Assert.Equal("Cancelled via API with status Cancelled, reason Regret: 2 item(s) cancelled, 2 provided item(s) left with the customer",
            plan.Summary(CancellationChannel.API, "Cancelled", "Regret", "   "));
    }

    [Fact]
    public void The_timeline_sentence_ends_with_the_note_trimmed()
    {
        var plan = CancellationPlan.For([JobItemState.PENDING], cancelProvidedItems: true);

        Assert.Equal("Cancelled via API with status Cancelled - duplicate, reason Duplicate job: 1 item(s) cancelled, 0 provided item(s) left with the customer. Note: Raised twice.",
            plan.Summary(CancellationChannel.API, "Cancelled - duplicate", "Duplicate job", "  Raised twice. "));
    }
}
