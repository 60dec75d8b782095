package org.lrplayground.lessons;

import java.util.List;
import java.util.Optional;

/**
 * The course: one lesson per claim of the source documents (the fast.ai forum thread on dynamic
 * learning rates, the wiki page on momentum, Adagrad, RMSProp, Adam and Eve, and the Q&amp;A answer on
 * Rosenbrock's banana), in teaching order. Every number an explanation quotes was measured by
 * running its preset; LessonsTest asserts each claim.
 */
public final class Lessons {

    private Lessons() {
    }

    /** The custom surface of lesson 8: a sharp, shallow well at (−0.98, 0) beside a wide, deep one at (1.90, 0). */
    private static final String TWO_WIDTHS = "surface=custom"
            + "&f=0.05*(x^2%2By^2)-exp(-4*((x%2B1)^2%2By^2))-2*exp(-0.5*((x-2)^2%2By^2))"
            + "&box=-4,4,-4,4&start=-1.4,0.5";

    public static final List<Lesson> ALL = List.of(
            new Lesson("too-small-too-large", 1, "Too small, too large: one constant rate",
                    "On a ravine with κ = 50, SGD crawls at lr = 0.002, bounces but converges at the best rate "
                            + "2/(1 + κ), and diverges once lr·κ > 2.",
                    """
                    The wiki's first warning: *"If the learning rate is too small, the optimisation will need \
                    to be run a lot of times … If the learning rate is too big then the optimisation may be \
                    unstable (bouncing around the optimum, and maybe even getting worse rather than better)."*

                    The ravine ½(x² + κy²) with κ = 50 curves 50 times more steeply across (y) than along (x). \
                    Each SGD step multiplies a coordinate's distance to the minimum by (1 − lr × curvature), so \
                    SGD is stable only while lr·κ < 2, here lr < 0.04.

                    - **lr = 0.002** crawls: along the gentle x direction it gains only 0.2% per step and is \
                    still 1.7 away after 200 steps.
                    - **lr = 0.0392 = 2/(1 + κ)**, the best constant rate, bounces from wall to wall (y changes \
                    sign every step), yet both directions shrink equally fast: it ends within 0.001 of the minimum.
                    - **lr = 0.045** has lr·κ = 2.25: every bounce is larger than the last, and the run diverges.

                    One rate has to suit the steepest and the flattest direction at once. The next lessons are \
                    ways around that.
                    """,
                    "surface=ravine&kappa=50&steps=200&run=sgd:lr=0.002&run=sgd:lr=0.0392&run=sgd:lr=0.045"),

            new Lesson("momentum", 2, "Momentum: two conventions, a tenfold difference",
                    "At the same lr, PyTorch's momentum races along the ravine (10× SGD's steady step) while the "
                            + "spreadsheet's moving-average momentum moves no faster than SGD.",
                    """
                    The wiki: momentum adds *"the average of the previous gradients"*, so zig-zags across a \
                    valley cancel while steps along it add up; the average is *"often calculated as a \
                    exponentially weighted moving average (for example, 0.9 x dL[n-1] + 0.1 x dL[n])"*.

                    Libraries do it differently, and at the same lr the difference is large:

                    - **PyTorch momentum** sums: b = 0.9·b + g. On a steady slope b grows to g/(1 − 0.9) = 10·g, \
                    so its steps become ten times SGD's.
                    - **The spreadsheet's moving average** averages: s = 0.9·s + 0.1·g. On a steady slope s is \
                    just g: a smoother direction, no speed-up.

                    With lr = 0.003 on the ravine, SGD and the moving average are both still about 1.4 from the \
                    minimum after 200 steps; PyTorch momentum is within 0.001. They are one method: the moving \
                    average at lr steps exactly like PyTorch's at lr × (1 − 0.9).

                    Press **On the saddle**: PyTorch momentum rolls off the flat saddle point and leaves the \
                    box at step 184; SGD and the moving average are still next to it at step 200.
                    """,
                    "surface=ravine&steps=200&run=sgd:lr=0.003&run=momentum:lr=0.003,momentum=0.9"
                            + "&run=ewma-momentum:lr=0.003,momentum=0.9",
                    List.of(new Lesson.Variant("On the saddle", "surface=saddle&steps=200&run=sgd:lr=0.003"
                            + "&run=momentum:lr=0.003,momentum=0.9&run=ewma-momentum:lr=0.003,momentum=0.9"))),

            new Lesson("adagrad-shrinks", 3, "Adagrad's rate only shrinks",
                    "Adagrad's effective rate never rises, and on Rosenbrock it stalls 1.3 from the minimum while "
                            + "RMSProp, from the very same first step, gets within 0.05.",
                    """
                    The wiki on Adagrad: *"The one downfall is that the division parameter is always \
                    increasing, thus the learning rate is always decreasing … effectively meaning that parameter \
                    can no longer learn any further."*

                    Adagrad divides lr by the root of the sum of **all** squared gradients so far, separately for \
                    each parameter. A sum of squares only grows, so each parameter's effective rate (the rate \
                    chart) can only fall. RMSProp divides by the root of a **moving average** of squared \
                    gradients instead, so old gradients fade away.

                    Here both start from (−1.5, 2) on Rosenbrock. Adagrad at lr = 0.05 and RMSProp at lr = 0.005 \
                    take identical first steps (RMSProp's first average is 0.01·g², whose root is 0.1·|g|). Then \
                    they part. Adagrad's rate never rises again; after 3000 steps it is still creeping along the \
                    valley, about 1.3 from the minimum at (1, 1). RMSProp's rate climbs back once the steep \
                    start is behind it, and it ends within 0.05 of the minimum.
                    """,
                    "surface=rosenbrock&steps=3000&run=adagrad:lr=0.05&run=rmsprop:lr=0.005&speed=1000"),

            new Lesson("rmsprop-recovers", 4, "RMSProp's rate can grow again",
                    "On Beale, RMSProp's effective rate falls while the gradients are large, then climbs more than "
                            + "fiftyfold; Adagrad's only falls, and it ends 40 times farther from the minimum.",
                    """
                    The wiki on RMSProp: *"RMSProp is able to shrink or increase the learning rate"*, because \
                    in its moving average *"older values contribute less than newer values"*.

                    On Beale from (1, 1.5), RMSProp (lr = 0.01) and Adagrad (lr = 0.1) again take the same first \
                    step. The first gradients are large, so both rates fall by about a third. Then the gradients \
                    become small: RMSProp's average forgets the large ones, and its rate for x, lowest near step \
                    100 at about 0.002, climbs to about 0.14 by step 2000. Adagrad's sum remembers them for ever; its rate \
                    keeps falling, to about 0.001. RMSProp ends about 0.006 from the minimum (3, 0.5), Adagrad \
                    about 0.3.

                    A rate that can grow is not free: the wiki says it lets RMSProp *"jump around the optimum \
                    without getting further and further away"*. Press **On Booth** (RMSProp at lr = 0.05, \
                    Adagrad at lr = 0.5): there RMSProp's rate grows seventeenfold and it keeps hopping about \
                    (1, 3), while Adagrad's shrinking rate settles on the minimum.
                    """,
                    "surface=beale&steps=2000&run=rmsprop:lr=0.01&run=adagrad:lr=0.1&speed=1000",
                    List.of(new Lesson.Variant("On Booth",
                            "surface=booth&steps=2000&run=rmsprop:lr=0.05&run=adagrad:lr=0.5&speed=1000"))),

            new Lesson("adam-bias-correction", 5, "Adam: momentum plus RMSProp, and its bias correction",
                    "Without bias correction, Adam's first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times larger, not "
                            + "smaller; the difference fades as t grows.",
                    """
                    The wiki: *"Adam (Adaptive Moment Estimation) combines the benefits of momentum with the \
                    benefits of RMSProp … it multiplies the learning rate by the momentum, but also divides by a \
                    factor related to the variance."*

                    Adam keeps two moving averages per parameter: m of the gradients (momentum, β₁ = 0.9) and v \
                    of the squared gradients (RMSProp, β₂ = 0.999), and steps by lr·m/√v. Both start at 0, so at \
                    first they are too small: after one step m = 0.1·g and v = 0.001·g². Bias correction divides \
                    them by 1 − βᵗ, which makes the first step exactly lr in every coordinate.

                    Without it (`bias_correction=false`) the too-small v matters more than the too-small m: the \
                    first step is 0.1/√0.001 ≈ 3.16 times larger, and the effective rate 1/√0.001 ≈ 31.6 times \
                    larger. Switching the correction off makes early steps bigger, not smaller. As t grows, \
                    1 − βᵗ tends to 1 and the runs become alike: after 1000 steps on Rosenbrock both are within \
                    0.05 of (1, 1).
                    """,
                    "surface=rosenbrock&steps=1000&run=adam:lr=0.05&run=adam:lr=0.05,bias_correction=false&speed=1000"),

            new Lesson("eve", 6, "Eve in plain words",
                    "Eve is Adam whose rate is divided by a feedback term d in [0.1, 10]; while the loss falls "
                            + "smoothly d sinks and Eve steps faster than Adam.",
                    """
                    The forum asks about Eve: *"do you know of any simple explanations of the technique?"*

                    Eve is Adam plus one number, **d**, that watches the loss. Every step it measures how much \
                    the loss changed relative to its size, clips that to between k = 0.1 and K = 10, and keeps a \
                    slow moving average of it (β₃ = 0.999). Adam's step is divided by d:

                    - the loss changes by less than 10% a step → the measurement is clipped up to 0.1, d drifts \
                    down, and Eve's steps grow, up to ten times Adam's;
                    - the loss jumps about → d grows and the steps shrink.

                    Eve needs the lowest possible loss f*, as it measures f − f*.

                    On Rosenbrock at lr = 0.02 the loss falls smoothly, d sinks to about 0.22, and Eve reaches \
                    (1, 1) to within 10⁻⁷ while Adam is still 0.01 away after 2000 steps. The course was cooler: \
                    *"I don't think Eve is a great approach"*. Press **With noisy gradients**: with noise = 1 \
                    the loss jumps about and Eve's lead is gone: over seeds 0–2 both end 0.004 to 0.07 from \
                    (1, 1), Eve no closer on average.
                    """,
                    "surface=rosenbrock&steps=2000&run=adam:lr=0.02&run=eve:lr=0.02&speed=1000",
                    List.of(new Lesson.Variant("With noisy gradients",
                            "surface=rosenbrock&steps=2000&noise=1&seed=0&run=adam:lr=0.02&run=eve:lr=0.02&speed=1000"))),

            new Lesson("banana-valley", 7, "The banana valley: a rate tied to the error stalls",
                    "Error-proportional annealing stalls in Rosenbrock's valley at a low loss but 0.56 from the "
                            + "minimum, while Adam reaches (1, 1).",
                    """
                    The Q&A answer: *"linking the learning rate to error magnitude neglects certain problematic \
                    error surface topologies"*. Rosenbrock's banana *"is a low error valley which hides the \
                    global minimum"*, and *"if you use an optimization algorithm that naively shrinks the \
                    learning rate relative to the error, you're going to get stuck as soon as you hit the \
                    valley."*

                    The error-proportional schedule does exactly that: rate = lr·(f − f*)/(f₀ − f*). From \
                    (−1.5, 2) the wall is so steep that SGD with lr = 0.002 is first catapulted across the plot: \
                    its loss climbs to 511 in three steps, and the fourth lands it in the valley's far arm, where \
                    the loss is already small, so the rate becomes small with it. After 3000 steps the \
                    error-proportional run has a loss of 0.05, 0.4% of its start, and its rate is 0.4% of lr: *"congrats! You've achieved a low \
                    error solution. But you're not necessarily anywhere near the global minimum"*: it sits 0.56 \
                    from (1, 1).

                    The same SGD at a constant rate gets within 0.01. Adam (lr = 0.02), which sizes each \
                    parameter's step by its gradients rather than by the error, gets within 10⁻⁴.
                    """,
                    "surface=rosenbrock&steps=3000&run=sgd:lr=0.002&run=sgd:lr=0.002,sched=error-proportional"
                            + "&run=adam:lr=0.02&speed=1000"),

            new Lesson("warm-restarts", 8, "Warm restarts: a kick out of a sharp local minimum",
                    "A constant small rate settles in the shallow local well; cosine annealing with warm restarts "
                            + "rests there too, then a restart throws it out and it ends in the deep well.",
                    """
                    The forum asks: *"are there techniques that try to search for a global minima?"*, and a \
                    comment on the Q&A adds: *"Also do search for Cosine Annealing for Learning Rates"*.

                    This surface has a **sharp, shallow** well at (−0.98, 0) beside a **wide, deep** one at \
                    (1.90, 0). From lesson 1: SGD settles only where lr × curvature < 2. The sharp well curves \
                    about 8, so it holds rates below 0.25; the wide one curves about 2.1 and holds rates up \
                    to 0.95.

                    - A **constant lr = 0.1** settles in the nearest well, the shallow one (loss −0.97).
                    - **Cosine annealing with warm restarts** lowers the rate from 0.9 to 0 along half a cosine \
                    over T_0 = 20 steps, then jumps back to 0.9. After the first cycle this run also rests in \
                    the shallow well, but the restart's rate is too large for that sharp well and throws the \
                    run out. After a dozen restarts it lands in the wide, deep well, which holds it; it \
                    converges there at step 245, loss −1.81: the global minimum.

                    Restarts are no systematic search, but each one is another chance to leave a sharp minimum.
                    """,
                    TWO_WIDTHS + "&steps=500&run=sgd:lr=0.1&run=sgd:lr=0.9,sched=warm-restarts,T_0=20"),

            new Lesson("himmelblau-starts", 9, "Where you start decides the minimum",
                    "On Himmelblau's function SGD from (1, 1), (−1, 1), (−1, −1) and (1, −1) finds four different "
                            + "minima.",
                    """
                    The forum asks whether there are techniques that *"find out how local a local minima is and \
                    pick a best-of out of any others that get found"*.

                    Himmelblau's function has four minima, all with the value 0. Gradient descent only ever \
                    walks downhill from where it starts, so the start alone decides which minimum it finds. \
                    Here four identical SGD runs (lr = 0.01) start from four points close together, each from \
                    its own start (the *own start* fields of its card), and converge

                    - from (1, 1) to (3, 2),
                    - from (−1, 1) to (−2.81, 3.13),
                    - from (−1, −1) to (−3.78, −3.28),
                    - from (1, −1) to (3.58, −1.85).

                    Click the surface to move the first run's start and watch which basin it falls into. \
                    Running from several starts and keeping the best is also the simplest answer to the \
                    forum's question. Here all four minima are equally good; on six-hump camel or \
                    Styblinski–Tang they are not, and the start decides how good the answer is.
                    """,
                    "surface=himmelblau&start=1,1&steps=500&run=sgd:lr=0.01&run=sgd:lr=0.01,x0=-1,y0=1"
                            + "&run=sgd:lr=0.01,x0=-1,y0=-1&run=sgd:lr=0.01,x0=1,y0=-1"),

            new Lesson("spreadsheet", 10, "The graddesc spreadsheet: you still need annealing with Adam",
                    "After five epochs SGD's intercept b is still about 1 while Adam's is about 24; after fifty, "
                            + "Adam with cosine annealing ends hundreds of times closer to (2, 30) than at a constant "
                            + "rate.",
                    """
                    The forum: *"I implemented both of those in the graddesc.xlsm spreadsheet"*. The spreadsheet \
                    fits a line y = a·x + b to 30 rows made from y = 2x + 30, one row per step (batch = 1), \
                    starting at a = b = 1. The surface shows the mean squared error over (a, b). With x up to \
                    100 the error is very sensitive to a and barely to b: a long, thin valley.

                    After five epochs (step 150) plain SGD (lr = 0.0001) has found the slope, but its intercept \
                    b is still about 1.2: any rate that is stable for a barely moves b. The spreadsheet's \
                    moving-average momentum does no better at the same rate. Adam's per-parameter rates let b \
                    move as fast as a: b is about 24 by step 150.

                    Keep going to 50 epochs (step 1500). At a constant rate Adam keeps jumping about the fit and \
                    ends 4·10⁻⁴ from (2, 30); the same Adam with cosine annealing, whose rate falls to 0 by the \
                    end, settles within 10⁻⁶. As the course put it: you still need annealing, even with Adam.
                    """,
                    "surface=linreg&steps=1500&batch=1&seed=0&run=sgd:lr=0.0001&run=ewma-momentum:lr=0.0001"
                            + "&run=adam:lr=1&run=adam:lr=1,sched=cosine&speed=1000"),

            new Lesson("error-following", 11, "Can the rate follow the error with no hyperparameters?",
                    "Polyak's step converges on Booth in 71 steps and hypergradient descent learns a rate 44 times "
                            + "its start, but each pays for it: Polyak needs f*, and a badly scaled hyper_lr diverges.",
                    """
                    The Q&A asks: *"Is there an algorithm to dynamically update learning rate based on total \
                    error of the network without relying on any hyper-parameters?"* Two methods come close.

                    - **Polyak's step size** takes rate = (f − f*)/‖g‖², the step that would reach the lowest \
                    loss if the surface were a straight slope. There is no rate to tune, but it must know f*, \
                    the lowest possible loss, which a real network does not tell you.
                    - **Hypergradient descent** (SGD-HD) learns its rate as it goes: it raises the rate while \
                    successive gradients point the same way and lowers it when they flip. It still has a \
                    hyperparameter, hyper_lr, the learning rate of the learning rate.

                    On Booth, Polyak converges at step 71. SGD-HD starts at lr = 0.001, learns its way up to \
                    about 0.044, 44 times its start, and converges at step 239. Adam with a hand-picked \
                    lr = 0.5 is still hovering at a loss near 10⁻¹² at step 300. With hyper_lr = 0.001, SGD-HD \
                    diverges at step 4: the hyperparameter moved; it did not disappear.
                    """,
                    "surface=booth&steps=300&run=polyak&run=hypergradient:lr=0.001,hyper_lr=0.00001"
                            + "&run=hypergradient:lr=0.001,hyper_lr=0.001&run=adam:lr=0.5"),

            new Lesson("infrequent-parameters", 12, "Frequent and infrequent parameters",
                    "When one feature appears in only one row of ten, Adagrad ends with an effective rate about "
                            + "three times larger for that feature's weight.",
                    """
                    The forum quotes Sebastian Ruder: Adagrad adapts the rate *"performing larger updates for \
                    infrequent and smaller updates for frequent parameters"*, and wonders whether the size of \
                    the gradients matters more than how often they come. The Q&A quotes the CS231n notes: \
                    *"weights that receive high gradients will have their effective learning rate reduced, \
                    while weights that receive small or infrequent updates will have their effective learning \
                    rate increased."*

                    This surface fits y = a·u + b·v to 50 noisy rows, one row per step. Feature u is in every \
                    row; feature v only in one row of ten, so b gets a gradient only one step in ten.

                    Adagrad divides each parameter's lr by the root of the sum of its own squared gradients. \
                    Both readings are right: that sum grows with the **size** of the gradients and with how \
                    **often** they come. a's sum grows every step, b's only when a v-row turns up, so after \
                    2000 steps (40 epochs) Adagrad's effective rate for b is about 2.9 times that for a. SGD \
                    gives both the same rate.
                    """,
                    "surface=sparse&steps=2000&run=adagrad:lr=0.5&run=sgd:lr=0.05&speed=1000"),

            new Lesson("adagrad-steps", 13, "A large gradient shrinks Adagrad's rate, not its step",
                    "On the ravine Adagrad's first step moves x and y by exactly lr although y's gradient is 20 "
                            + "times x's, and it converges at step 172 whether κ is 50 or 500; SGD at its best constant "
                            + "rate has not converged by step 200.",
                    """
                    The forum worries: *"if the error gradient is high, then we're far from the optimum, so \
                    reducing the learning rate will make it take longer to reach."*

                    Adagrad does cut the rate of a parameter with large gradients, but by the size of those very \
                    gradients: its step is lr·g/√(g₁² + … + g_t²). On the first step that is exactly lr, \
                    however large g is. A large gradient gets a small rate, a small one a large rate, and the \
                    steps come out alike.

                    On the ravine ½(x² + κy²) from (−2.5, 1), y's gradient is 20 times x's, yet Adagrad \
                    (lr = 0.5) moves both by 0.5 on its first step and converges at step 172, its rate for x \
                    ending about 12 times that for y. SGD at the best constant rate, 2/(1 + κ), is still \
                    0.0009 away at step 200.

                    Press **Ten times steeper** (κ = 500): Adagrad converges at step 172 again, as scaling a \
                    parameter's gradients scales its rate inversely; SGD at its best rate is now 1.2 from the \
                    minimum.
                    """,
                    "surface=ravine&kappa=50&steps=200&run=sgd:lr=0.0392&run=adagrad:lr=0.5",
                    List.of(new Lesson.Variant("Ten times steeper",
                            "surface=ravine&kappa=500&steps=200&run=sgd:lr=0.00399&run=adagrad:lr=0.5"))),

            new Lesson("how-local", 14, "How local is this minimum?",
                    "On the six-hump camel SGD (lr = 0.01) ends in one of the two global minima from 49 % of the "
                            + "box; momentum 0.9 widens their basins to 63 %.",
                    """
                    The forum asks for a way to *"find out how local a local minima is and pick a best-of out \
                    of any others that get found"*. A basin answers the first half: the set of starts from \
                    which a run ends in that minimum.

                    Press the grid button on a run card (**Basins**): the box is split into 100 × 100 starts, \
                    each run for the scene's 1 000 steps and coloured by the minimum it ends in. The six-hump \
                    camel has six minima; the two global ones (f = −1.03) hold 49 % of the box for SGD, the \
                    four local ones the rest.

                    Below the map, **Best of N** answers the second half from 1 024 random starts: SGD needs \
                    four to end in a global minimum 9 times in 10. Warm restarts (one run, its rate restarted \
                    every 1 000 steps) stay in this start's local minimum: where the gradient is 0, no rate moves.

                    Momentum (0.9) rolls through shallow local minima: the global basins grow to 63 %, \
                    but 6 % of its starts have not settled after 1 000 steps. A basin belongs to the method \
                    and its rate as much as to the surface.
                    """,
                    "surface=six-hump-camel&steps=1000&run=sgd:lr=0.01&run=momentum:lr=0.01,momentum=0.9"),

            new Lesson("fair-race", 15, "A fair race: tune first, then compare",
                    "On the κ = 50 ravine at the default rates Adam (lr = 0.001) ends last, 9.9 above the minimum "
                            + "after 500 steps; each tuned with the same budget, Adam converges at step 373, level "
                            + "with momentum at 379, and SGD comes last.",
                    """
                    Readers of pytorch-optimizer's races object that *"only LR is grid searched"*: whoever \
                    picks the rates picks the winner, and a fixed budget or a lucky last point does the rest.

                    Here each method races at its default rate (PyTorch's, and 0.01 for SGD, which has \
                    none) for 500 steps on the ravine ½(x² + 50y²). Momentum converges at step 379, SGD ends \
                    0.00013 above the minimum, and Adam, whose steps are about lr = 0.001 long, is still 9.9 \
                    above it: last by far.

                    Press **Tune** beside the race controls: every run's lr is swept over 25 rates around its \
                    default, each run for the same 500 steps from the same four starts and scored by the mean \
                    f − f* over the last 10 % (50 steps). Press **Apply best**, then Run (or press **Tuned** here).

                    At its best rate, 0.1, Adam converges at step 373, level with momentum, whose default was \
                    already its best. SGD's best, 0.0316, sits just below the stability limit 2/κ = 0.04 and \
                    leaves 3.5e-14: now it is last. The default ranking said more about the defaults than about \
                    the methods; tuned, on this one surface, Adam and momentum are level, and no more.
                    """,
                    "surface=ravine&kappa=50&steps=500&run=sgd&run=momentum&run=adam",
                    List.of(new Lesson.Variant("Tuned",
                            "surface=ravine&kappa=50&steps=500&run=sgd:lr=0.0316&run=momentum:lr=0.01&run=adam:lr=0.1"))));

    /** The lesson with this id. */
    public static Optional<Lesson> byId(String id) {
        return ALL.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
