package io.careledger.service.demo;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CompleteCareTask;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.AcceptResolution;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.CloseComplaint;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.FileComplaint;
import io.careledger.api.complaint.LogComplaintContact;
import io.careledger.api.complaint.ProposeResolution;
import io.careledger.api.complaint.RecordComplaintFollowUp;
import io.careledger.api.complaint.RejectResolution;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RecordSurveyResponse;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.refund.ApproveRefund;
import io.careledger.api.refund.MarkRefundPaid;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundLine;
import io.careledger.api.refund.RefundMethod;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundReason;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RejectRefund;
import io.careledger.api.refund.RequestRefund;
import io.careledger.api.repair.CompleteRepair;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RegisterRepair;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.TakeInRepairItem;
import io.careledger.service.config.ActorCorrelationDataProvider;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a realistic retail dataset through the real command path (DOMAIN.md §2-7): customers register,
 * buy over months, complain through every channel, get answered (mostly in time), resolved, followed up and
 * surveyed; some return goods or bring garments for repair. Every choice comes from one seeded
 * {@link Random}, and every command is sent with the clock set to its generated moment ({@link TimeTravel}),
 * in time order (a discrete-event simulation: a step schedules the steps that follow from it).
 * <p>
 * Deadlines are the one thing the service decides on its own timer. To keep runs reproducible the deadline
 * scheduler is paused while the generator runs, so no timer races a generated command (a command cancelling a
 * deadline that is being run fails). A complaint meant to be answered late gets a checkpoint just after its
 * deadline, where the generator lets the scheduler run what is due, waits for the missed deadline to be
 * recorded and for the scheduler to fall idle, and pauses it again. Other timers (refund review, care overdue,
 * dormancy) add events no metric counts, whenever they run. Steps at or after {@code until} are not taken, and
 * no complaint is filed in the last days, so nothing the metrics count is left for a timer after the run.
 */
public class DemoDataGenerator {
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final String CURRENCY = "CNY";
    private static final Duration QUIET_BEFORE_UNTIL = Duration.ofDays(4);
    /** The care process schedules follow-up tasks behind the generator; on a busy machine it can lag a while. */
    private static final Duration WAIT_FOR_SERVICE = Duration.ofMinutes(2);

    private final CommandGateway commands;
    private final EventStore events;
    private final Scheduler scheduler;
    private final TimeTravel clock;

    public DemoDataGenerator(CommandGateway commands, EventStore events, Scheduler scheduler, TimeTravel clock) {
        this.commands = commands;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** What a run did: commands accepted and refused by the domain's rules, by kind of fact. */
    public record Summary(int customers, int purchases, int complaints, int refunds, int repairs, int surveys,
                          int followUps, int accepted, int refused) {
    }

    private enum Product {
        FRESH("fresh", "FRS-", 25, 120, null),
        GROCERY("grocery", "GRC-", 10, 200, null),
        APPAREL("apparel", "APP-", 199, 2400, Material.TEXTILE),
        LEATHER("leather", "LTH-", 900, 6800, Material.LEATHER);

        private final String category;
        private final String skuPrefix;
        private final int minPrice;
        private final int maxPrice;
        private final Material material;

        Product(String category, String skuPrefix, int minPrice, int maxPrice, Material material) {
            this.category = category;
            this.skuPrefix = skuPrefix;
            this.minPrice = minPrice;
            this.maxPrice = maxPrice;
            this.material = material;
        }
    }

    private record Purchase(CustomerId customer, OrderId order, StoreId store, Product product, String sku,
                            Money price, Instant at) {
    }

    /** One step of the simulation at a moment; {@code order} keeps steps of the same moment in creation order. */
    private record Step(Instant at, long order, Runnable action) {
    }

    private final class Run {
        private final DemoSettings settings;
        private final Random random;
        private final Instant start;
        private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
        private final Map<CustomerId, List<Instant>> refundsOf = new HashMap<>();
        private long created;
        private int customers;
        private int purchases;
        private int complaints;
        private int refunds;
        private int repairs;
        private int surveys;
        private int followUps;
        private int accepted;
        private int refused;
        private long complaintSeq;

        private Run(DemoSettings settings) {
            this.settings = settings;
            this.random = new Random(settings.seed());
            this.start = ZonedDateTime.ofInstant(settings.until(), ZoneOffset.UTC).minusMonths(settings.months())
                    .toInstant();
        }

        private void at(Instant at, Runnable action) {
            if (at.isBefore(settings.until())) {
                steps.add(new Step(at, created++, action));
            }
        }

        private Instant between(Instant from, Duration min, Duration max) {
            long span = max.toSeconds() - min.toSeconds();
            return from.plus(min).plusSeconds(span <= 0 ? 0 : (long) (random.nextDouble() * span));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private StaffId staffOf(StoreId store, int which) {
            return StaffId.of(store.value() + "-agent-" + which);
        }

        private boolean send(Object command, StaffId actor, Channel channel) {
            return send(command, MetaData.with(ActorCorrelationDataProvider.ACTOR, actor.value())
                    .and(ActorCorrelationDataProvider.CHANNEL, channel.name()), false);
        }

        /**
         * Retries while a timer of the service changes the same aggregate at that moment (a care task going
         * overdue, a refund review deadline: the command then cannot cancel the deadline being run) and, with {@code waitForAggregate}, while the aggregate does not
         * exist yet (a care task the care process is about to schedule).
         */
        private boolean send(Object command, MetaData metaData, boolean waitForAggregate) {
            long deadline = System.nanoTime() + WAIT_FOR_SERVICE.toNanos();
            while (true) {
                try {
                    commands.sendAndWait(command, metaData);
                    accepted++;
                    return true;
                } catch (RuntimeException e) {
                    boolean transientFailure = causedBy(e, ConcurrencyException.class)
                            || causedBy(e, TaskInstanceCurrentlyExecutingException.class)
                            || waitForAggregate && causedBy(e, AggregateNotFoundException.class);
                    if (!transientFailure || System.nanoTime() > deadline) {
                        // Refused by a rule (the same inputs are refused the same way in every run): part of the data.
                        log.info("Demo command {} refused: {}", command.getClass().getSimpleName(), e.getMessage());
                        refused++;
                        return false;
                    }
                    pause();
                }
            }
        }

        // --- customers and purchases ---

        private void customer(int number) {
            CustomerId customer = CustomerId.of(settings.prefix() + "-c" + number);
            StoreId home = StoreId.of(pick(settings.stores()));
            Instant registered = between(start, Duration.ZERO, Duration.ofDays(30));
            // Each customer buys at their own pace: some weekly, most every few weeks.
            Duration pace = Duration.ofDays(5 + random.nextInt(40));
            at(registered, () -> {
                if (!send(new RegisterCustomer(customer, "顾客 " + number, String.format("+86 139-%04d-%04d",
                                number / 10_000, number % 10_000), null, null, null, null, null, home, null,
                        Channel.STORE_DESK, Set.of(ConsentPurpose.DATA_PROCESSING), staffOf(home, 1)), staffOf(home, 1),
                        Channel.STORE_DESK)) {
                    return;
                }
                customers++;
                purchaseFrom(customer, home, between(registered, Duration.ofHours(1), pace), pace, 1);
            });
        }

        private void purchaseFrom(CustomerId customer, StoreId home, Instant at, Duration pace, int number) {
            at(at, () -> {
                StoreId store = random.nextDouble() < 0.8 ? home : StoreId.of(pick(settings.stores()));
                Product product = pick(List.of(Product.FRESH, Product.FRESH, Product.GROCERY, Product.GROCERY,
                        Product.APPAREL, Product.APPAREL, Product.LEATHER));
                String sku = product.skuPrefix + String.format("%03d", random.nextInt(40));
                Money price = new Money(BigDecimal.valueOf(product.minPrice
                        + random.nextInt(product.maxPrice - product.minPrice + 1)), CURRENCY);
                OrderId order = OrderId.of(customer.value() + "-o" + number);
                Channel channel = random.nextDouble() < 0.7 ? Channel.STORE_DESK
                        : pick(List.of(Channel.APP, Channel.MINI_PROGRAM));
                StaffId clerk = staffOf(store, 1 + random.nextInt(3));
                Purchase purchase = new Purchase(customer, order, store, product, sku, price, at);
                if (send(new RecordPurchase(customer, order, store, channel,
                        List.of(new PurchaseLine(sku, product.category, 1, price)), at, clerk), clerk, channel)) {
                    purchases++;
                    afterPurchase(purchase);
                }
                purchaseFrom(customer, home, between(at, pace.dividedBy(2), pace.multipliedBy(3).dividedBy(2)), pace,
                        number + 1);
            });
        }

        private void afterPurchase(Purchase purchase) {
            double fate = random.nextDouble();
            if (random.nextDouble() < 0.7) {
                // The follow-up call a week after the purchase, by one of the store's staff.
                CareTaskId task = CareTaskId.forTrigger(CareTaskKind.PURCHASE_FOLLOW_UP,
                        purchase.customer() + "/order/" + purchase.order());
                StaffId caller = staffOf(purchase.store(), 1 + random.nextInt(3));
                at(between(purchase.at(), Duration.ofDays(7), Duration.ofDays(9)), () -> completeTask(task, caller));
            }
            if (random.nextDouble() < 0.08) {
                at(between(purchase.at(), Duration.ofDays(1), Duration.ofDays(3)), () -> survey(purchase.customer(),
                        new SurveySubject(SurveySubject.Kind.ORDER, purchase.order().value()), 0.1, purchase.store()));
            }
            if (fate < 0.22) {
                complaint(purchase);
            } else if (fate < 0.32) {
                refund(purchase);
            } else if (fate < 0.40 && purchase.product().material != null) {
                repair(purchase);
            }
        }

        // --- complaints ---

        private void complaint(Purchase purchase) {
            Instant filedAt = between(purchase.at(), Duration.ofHours(2), Duration.ofDays(6));
            if (!filedAt.isBefore(settings.until().minus(QUIET_BEFORE_UNTIL))) {
                return;
            }
            ComplaintId id = ComplaintId.of(settings.prefix() + "-cp" + (++complaintSeq));
            ComplaintCategory category = category(purchase, filedAt);
            Channel channel = pick(List.of(Channel.STORE_DESK, Channel.STORE_DESK, Channel.HOTLINE, Channel.HOTLINE,
                    Channel.APP, Channel.MINI_PROGRAM, Channel.ONLINE_CHAT, Channel.SOCIAL_MEDIA, Channel.EMAIL,
                    Channel.SELF_SERVICE_KIOSK, Channel.AI_ASSISTANT_HANDOFF));
            int responder = 1 + random.nextInt(3);
            // Staff differ: the third agent of every store answers late more often.
            double lateShare = responder == 3 ? 0.3 : 0.08;
            boolean late = random.nextDouble() < lateShare;
            double answeredAt = 0.05 + random.nextDouble() * 0.85;
            Duration lateBy = Duration.ofMinutes(5 + random.nextInt(45));
            StaffId clerk = staffOf(purchase.store(), 1);
            at(filedAt, () -> {
                String transcript = channel == Channel.AI_ASSISTANT_HANDOFF ? "顾客: 商品有问题 / assistant: 转人工" : null;
                if (!send(new FileComplaint(id, purchase.customer(), channel, category, description(category),
                        purchase.store(), purchase.order(), transcript, clerk), clerk, channel)) {
                    return;
                }
                complaints++;
                ComplaintFiled filed = first(id.value(), ComplaintFiled.class);
                StaffId owner = staffOf(purchase.store(), responder);
                Duration window = Duration.between(filedAt, filed.responseDueAt());
                if (late) {
                    at(filed.responseDueAt().plusSeconds(1), () -> awaitDeadline(id));
                    at(filed.responseDueAt().plus(lateBy), () -> acknowledge(id, owner, channel, purchase));
                } else {
                    at(filedAt.plusMillis((long) (window.toMillis() * answeredAt)),
                            () -> acknowledge(id, owner, channel, purchase));
                }
            });
        }

        private ComplaintCategory category(Purchase purchase, Instant at) {
            // A quality problem with one supplier in the second month before the end: the category spikes.
            boolean spike = at.isAfter(settings.until().minus(Duration.ofDays(60)))
                    && at.isBefore(settings.until().minus(Duration.ofDays(30)));
            if (spike && random.nextDouble() < 0.5) {
                return ComplaintCategory.PRODUCT_QUALITY;
            }
            List<ComplaintCategory> likely = switch (purchase.product()) {
                case FRESH -> List.of(ComplaintCategory.FRESH_SPOILAGE, ComplaintCategory.FRESH_SPOILAGE,
                        ComplaintCategory.PRICE_DISPUTE, ComplaintCategory.FOOD_SAFETY, ComplaintCategory.STAFF_ATTITUDE);
                case GROCERY -> List.of(ComplaintCategory.PRICE_DISPUTE, ComplaintCategory.PACKAGING_DAMAGE,
                        ComplaintCategory.DELIVERY, ComplaintCategory.WRONG_ITEM);
                case APPAREL, LEATHER -> List.of(ComplaintCategory.PRODUCT_QUALITY, ComplaintCategory.PRODUCT_QUALITY,
                        ComplaintCategory.STAFF_ATTITUDE, ComplaintCategory.DELIVERY, ComplaintCategory.WRONG_ITEM);
            };
            return pick(likely);
        }

        private String description(ComplaintCategory category) {
            return switch (category) {
                case PRICE_DISPUTE -> "促销价未生效 the promotion price was not applied";
                case WRONG_ITEM -> "收到的商品不对 received the wrong item";
                case FRESH_SPOILAGE -> "蛋糕发霉 the cake was mouldy";
                case EQUIPMENT_FAILURE -> "自助收银机故障 the self-checkout failed";
                case PRODUCT_QUALITY -> "大衣起球 the coat is pilling";
                case PACKAGING_DAMAGE -> "包装破损 the packaging was damaged";
                case STAFF_ATTITUDE -> "店员态度不好 the clerk was rude";
                case DELIVERY -> "配送延误 the delivery was late";
                case FOOD_SAFETY -> "食品有异物 foreign object in food";
                case BATCH_COMPLAINT -> "多位顾客同一问题 several customers, same cause";
            };
        }

        /** The deadline has just passed: have the scheduler run it now and wait until it is recorded. */
        private void awaitDeadline(ComplaintId id) {
            scheduler.resume();
            try {
                scheduler.triggerCheckForDueExecutions();
                if (!waitFor(() -> hasEvent(id.value(), ComplaintDeadlineMissed.class))) {
                    log.warn("The missed first-response deadline of demo complaint {} was not recorded within {}", id,
                            WAIT_FOR_SERVICE);
                }
            } finally {
                pauseDeadlines();
            }
        }

        private void acknowledge(ComplaintId id, StaffId owner, Channel channel, Purchase purchase) {
            if (!send(new AcknowledgeComplaint(id, owner), owner, channel)) {
                return;
            }
            Instant now = stepTime();
            at(now.plusSeconds(60), () -> send(new LogComplaintContact(id, ContactKind.LISTEN, "听取顾客描述 listened",
                    owner), owner, channel));
            boolean firstOfferRejected = random.nextDouble() < 0.15;
            Instant proposed = between(now, Duration.ofMinutes(10), Duration.ofHours(30));
            at(proposed, () -> propose(id, owner, channel, purchase, firstOfferRejected));
        }

        private void propose(ComplaintId id, StaffId owner, Channel channel, Purchase purchase, boolean reject) {
            Money coupon = new Money(BigDecimal.valueOf(10 + 10L * random.nextInt(5)), CURRENCY);
            if (!send(new ProposeResolution(id, reject ? "致歉并赠送优惠券 apology and a coupon" : "退款或换货并致歉 refund or exchange",
                    List.of(new Compensation(CompensationKind.COUPON, coupon, "no-minimum coupon")), owner), owner, channel)) {
                return;
            }
            Instant now = stepTime();
            if (reject) {
                at(between(now, Duration.ofMinutes(5), Duration.ofHours(2)), () -> {
                    if (send(new RejectResolution(id, "不满意 not enough", owner), owner, channel)) {
                        at(between(stepTime(), Duration.ofHours(1), Duration.ofHours(20)),
                                () -> propose(id, owner, channel, purchase, false));
                    }
                });
            } else {
                at(between(now, Duration.ofMinutes(5), Duration.ofHours(4)), () -> accept(id, owner, channel, purchase));
            }
        }

        private void accept(ComplaintId id, StaffId owner, Channel channel, Purchase purchase) {
            if (!send(new AcceptResolution(id, "顾客接受 accepted", owner), owner, channel)) {
                return;
            }
            DomainEventMessage<?> resolved = last(id.value(), ComplaintResolved.class);
            boolean firstContact = ((ComplaintResolved) resolved.getPayload()).firstContactResolution();
            boolean breached = hasEvent(id.value(), ComplaintDeadlineMissed.class);
            CareTaskId call = CareTaskId.forTrigger(CareTaskKind.SATISFACTION_FOLLOW_UP,
                    id + "/resolved/" + resolved.getSequenceNumber());
            int satisfaction = satisfaction(firstContact, breached);
            boolean called = random.nextDouble() < (owner.value().endsWith("-3") ? 0.6 : 0.9);
            boolean surveyed = random.nextDouble() < 0.6;
            Instant callAt = between(stepTime(), Duration.ofHours(24), Duration.ofHours(60));
            if (called) {
                at(callAt, () -> {
                    completeTask(call, owner);
                    if (send(new RecordComplaintFollowUp(id, satisfaction, "回访 follow-up call", owner), owner, channel)) {
                        at(stepTime().plus(Duration.ofHours(1)), () -> {
                            send(new CloseComplaint(id, "closed after the follow-up", owner), owner, channel);
                            if (surveyed) {
                                at(between(stepTime(), Duration.ofHours(1), Duration.ofHours(20)), () -> survey(
                                        purchase.customer(), new SurveySubject(SurveySubject.Kind.CASE, id.value()),
                                        firstContact && !breached ? 0.75 : 0.35, purchase.store()));
                            }
                        });
                    }
                });
            }
        }

        private int satisfaction(boolean firstContact, boolean breached) {
            double mood = random.nextDouble() + (firstContact ? 0.35 : 0) - (breached ? 0.35 : 0);
            return mood > 0.9 ? 5 : mood > 0.6 ? 4 : mood > 0.35 ? 3 : mood > 0.15 ? 2 : 1;
        }

        private void survey(CustomerId customer, SurveySubject subject, double happy, StoreId store) {
            double mood = random.nextDouble();
            int csat = mood < happy ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            int nps = mood < happy ? 8 + random.nextInt(3) : random.nextInt(8);
            SurveyResponseId id = SurveyResponseId.of(settings.prefix() + "-sv-" + subject.id());
            StaffId clerk = staffOf(store, 1);
            if (send(new RecordSurveyResponse(customer, id, subject, csat, nps, null, clerk), clerk, Channel.APP)) {
                surveys++;
            }
        }

        // --- refunds ---

        private void refund(Purchase purchase) {
            Instant at = between(purchase.at(), Duration.ofHours(1), Duration.ofDays(6));
            if (!at.isBefore(settings.until().minus(QUIET_BEFORE_UNTIL))) {
                return;
            }
            RefundReason reason = switch (purchase.product()) {
                case FRESH -> random.nextBoolean() ? RefundReason.SPOILED : RefundReason.NEAR_EXPIRY;
                case GROCERY -> pick(List.of(RefundReason.DAMAGED_IN_DELIVERY, RefundReason.PRICE_DIFFERENCE,
                        RefundReason.CHANGED_MIND));
                case APPAREL, LEATHER -> pick(List.of(RefundReason.QUALITY, RefundReason.WRONG_ITEM,
                        RefundReason.CHANGED_MIND));
            };
            RefundId id = RefundId.of(settings.prefix() + "-rf-" + purchase.order());
            StaffId clerk = staffOf(purchase.store(), 2);
            StaffId supervisor = StaffId.of(purchase.store().value() + "-supervisor");
            boolean approve = random.nextDouble() < 0.85;
            Duration review = Duration.ofMinutes(15 + random.nextInt(240));
            Duration payment = Duration.ofMinutes(20 + random.nextInt(30 * 60));
            at(at, () -> {
                List<Instant> earlier = refundsOf.computeIfAbsent(purchase.customer(), c -> new ArrayList<>());
                int recent = (int) earlier.stream().filter(t -> t.isAfter(at.minus(Duration.ofDays(90)))).count();
                String photo = reason == RefundReason.SPOILED ? "photo://" + id : null;
                if (!send(new RequestRefund(id, purchase.customer(), purchase.order(), purchase.store(),
                        List.of(new RefundLine(purchase.sku(), purchase.product().category, 1, purchase.price())),
                        reason, RefundMethod.STORE_DESK, false, true, photo, null, recent, clerk), clerk,
                        Channel.STORE_DESK)) {
                    return;
                }
                refunds++;
                earlier.add(at);
                if (hasEvent(id.value(), RefundPaid.class)) {
                    return;
                }
                if (hasEvent(id.value(), RefundApproved.class)) {
                    at(at.plus(payment), () -> send(new MarkRefundPaid(id, "PAY-" + id, List.of(), clerk), clerk,
                            Channel.STORE_DESK));
                    return;
                }
                at(at.plus(review), () -> {
                    if (!approve) {
                        send(new RejectRefund(id, "不符合退货条件 not eligible", supervisor), supervisor, Channel.STORE_DESK);
                    } else if (send(new ApproveRefund(id, "同意 approved", supervisor), supervisor, Channel.STORE_DESK)
                            && !hasEvent(id.value(), RefundRejected.class)) {
                        at(stepTime().plus(payment), () -> send(new MarkRefundPaid(id, "PAY-" + id, List.of(), clerk),
                                clerk, Channel.STORE_DESK));
                    }
                });
            });
        }

        // --- repairs ---

        private void repair(Purchase purchase) {
            Instant at = between(purchase.at(), Duration.ofDays(16), Duration.ofDays(75));
            RepairId id = RepairId.of(settings.prefix() + "-rp-" + purchase.order());
            StaffId clerk = staffOf(purchase.store(), 1);
            boolean misuse = random.nextDouble() < 0.15;
            Duration work = Duration.ofDays(2 + random.nextInt(10));
            at(at, () -> {
                if (!send(new RegisterRepair(id, purchase.customer(), purchase.order(), purchase.store(), purchase.sku(),
                        purchase.product().material, purchase.price(), purchase.at(), "接缝开线 seam opened", misuse,
                        clerk), clerk, Channel.STORE_DESK)) {
                    return;
                }
                repairs++;
                RepairRegistered registered = first(id.value(), RepairRegistered.class);
                if (registered.decision().path() == RepairPath.RETURN_OR_EXCHANGE) {
                    return;
                }
                boolean free = registered.decision().freeOfCharge();
                at(at.plus(Duration.ofHours(1)), () -> send(new TakeInRepairItem(id, "GR-" + id, clerk), clerk,
                        Channel.STORE_DESK));
                at(at.plus(work), () -> send(new CompleteRepair(id, free ? null : new Money(new BigDecimal("80"), CURRENCY),
                        free ? null : "INV-" + id, "修好 repaired", clerk), clerk, Channel.STORE_DESK));
            });
        }

        // --- care tasks ---

        /** The care process schedules the task from the event that triggered it, a moment later: wait for it. */
        private void completeTask(CareTaskId task, StaffId by) {
            if (send(new CompleteCareTask(task, CareOutcome.REACHED, "回访完成 call done", null, by),
                    MetaData.with(ActorCorrelationDataProvider.ACTOR, by.value()), true)) {
                followUps++;
            }
        }

        private Instant stepTime() {
            return current;
        }

        private Instant current;

        private Summary run(PrintStream progress) {
            for (int i = 1; i <= settings.customers(); i++) {
                customer(i);
            }
            ConsoleProgress bar = new ConsoleProgress(progress, start, settings.until());
            pauseDeadlines();
            try {
                while (!steps.isEmpty()) {
                    Step step = steps.poll();
                    current = step.at();
                    clock.travelTo(step.at());
                    step.action().run();
                    bar.show(step.at(), accepted + refused);
                }
            } finally {
                clock.backToPresent();
                scheduler.resume();
                bar.done(accepted + refused);
            }
            return new Summary(customers, purchases, complaints, refunds, repairs, surveys, followUps, accepted,
                    refused);
        }
    }

    /** Generates the dataset; the clock is back to real time afterwards, whatever happens. */
    public Summary generate(DemoSettings settings, PrintStream progress) {
        Summary summary = new Run(settings).run(progress);
        log.info("Demo data ({} customers, seed {}, {} months until {}): {}", settings.customers(), settings.seed(),
                settings.months(), settings.until(), summary);
        return summary;
    }

    /** Stops the scheduler picking deadlines, and waits for those it is running to finish. */
    private void pauseDeadlines() {
        scheduler.pause();
        if (!waitFor(() -> scheduler.getCurrentlyExecuting().isEmpty())) {
            log.warn("The deadline scheduler still runs {} after {}", scheduler.getCurrentlyExecuting(), WAIT_FOR_SERVICE);
        }
    }

    private <T> T first(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).filter(type::isInstance)
                .map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " of " + aggregateId));
    }

    private DomainEventMessage<?> last(String aggregateId, Class<?> type) {
        return events.readEvents(aggregateId).asStream().filter(m -> type.isInstance(m.getPayload()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " of " + aggregateId));
    }

    private boolean hasEvent(String aggregateId, Class<?> type) {
        return events.readEvents(aggregateId).asStream().anyMatch(m -> type.isInstance(m.getPayload()));
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_FOR_SERVICE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating demo data", e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
