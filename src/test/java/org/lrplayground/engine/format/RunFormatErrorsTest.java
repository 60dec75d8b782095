package org.lrplayground.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.run.RunSpec;

/**
 * Bad queries and what the run format answers: the parameter at fault and a message saying what is
 * accepted. The API answers the same table with HTTP 400 (RunApiTest reuses {@link #badQueries}).
 */
class RunFormatErrorsTest {

    /** query, the parameter the error names, and fragments its message must contain. */
    static Stream<Arguments> badQueries() {
        return Stream.of(
                bad("", "run", "at least one run=", "sgd"),
                bad("surface=nowhere&run=sgd", "surface", "unknown surface 'nowhere'", "rosenbrock"),
                bad("run=nadam9", "run[0]", "unknown optimizer 'nadam9'", "sgd", "adam"),
                bad("run=sgd&run=adam:beta1=2", "run[1].beta1", "beta1 = 2 is not accepted", "0 ≤ beta1 ≤ 0.9999"),
                bad("run=adam:beta1=high", "run[0].beta1", "beta1 must be a number", "'high'"),
                bad("run=sgd:lr=-0.1", "run[0].lr", "lr = -0.1 is not accepted", "0 < lr ≤ 100"),
                bad("run=sgd:lr=0", "run[0].lr", "lr = 0 is not accepted", "0 < lr"),
                bad("run=sgd:lr=NaN", "run[0].lr", "lr must be a number", "'NaN'"),
                bad("run=sgd:lr=Infinity", "run[0].lr", "lr must be a number", "'Infinity'"),
                bad("run=sgd:lr=1e999", "run[0].lr", "lr must be a finite number"),
                bad("run=sgd:lr=0x1p-3", "run[0].lr", "lr must be a number"),
                bad("run=sgd:lr=1e-3f", "run[0].lr", "lr must be a number"),
                bad("run=sgd:lr", "run[0]", "'lr' is not of the form key=value"),
                bad("run=sgd:lr=0.1,lr=0.2", "run[0].lr", "lr is given twice"),
                bad("run=sgd:momentum=0.9", "run[0].momentum", "unknown key 'momentum' for sgd", "accepted: lr"),
                bad("run=sgd:sched=sometimes", "run[0].sched", "unknown schedule 'sometimes'", "constant", "cosine"),
                bad("run=sgd:T_max=10", "run[0].T_max", "unknown key 'T_max'", "sched=<schedule>"),
                bad("run=sgd:sched=cosine,T_max=0", "run[0].T_max", "T_max = 0 is not accepted", "whole numbers 1 to"),
                bad("run=sgd:sched=cosine,T_max=2.5", "run[0].T_max", "T_max = 2.5 is not accepted"),
                bad("run=sgd:lr=0.1,sched=cosine,eta_min=1", "run[0]", "eta_min", "must not exceed lr"),
                bad("run=sgd:sched=constant,warmup=-5", "run[0].warmup", "warmup = -5 is not accepted"),
                bad("run=adam:amsgrad=yes", "run[0].amsgrad", "amsgrad must be true or false", "'yes'"),
                bad("run=sgd&run=sgd:x0=1", "run[1].y0", "a run's own start needs both x0 and y0", "x0=-1,y0=1"),
                bad("run=sgd:y0=1", "run[0].x0", "needs both x0 and y0"),
                bad("run=sgd:x0=left,y0=1", "run[0].x0", "'left' in x0 is not a number", "x0=<number>"),
                bad("run=sgd:x0=1,y0=1e12", "run[0].y0", "y0 coordinates must lie within ±1e9"),
                bad("run=sgd:x0=1,y0=1,x0=2", "run[0].x0", "x0 is given twice"),
                bad("run=sgd:z0=1", "run[0].z0", "unknown key 'z0'", "x0, y0"),
                bad("steps=0&run=sgd", "steps", "steps = 0 is not accepted", "1 to 100000"),
                bad("steps=100001&run=sgd", "steps", "steps = 100001 is not accepted", "1 to 100000"),
                bad("steps=12.5&run=sgd", "steps", "steps = 12.5 is not accepted", "whole numbers"),
                bad("steps=10&steps=20&run=sgd", "steps", "steps is given 2 times", "once"),
                bad("run=sgd&" + "run=sgd&".repeat(RunSpec.MAX_RUNS), "run", "13 runs given", "at most 12"),
                bad("noise=-1&run=sgd", "noise", "noise = -1 is not accepted", "0 ≤ noise"),
                bad("seed=-1&run=sgd", "seed", "seed = -1 is not accepted"),
                bad("batch=4&run=sgd", "batch", "batch = 4 is not accepted", "rosenbrock has no data rows"),
                bad("start=1&run=sgd", "start", "start needs 2 numbers", "start=<x>,<y>"),
                bad("start=1,north&run=sgd", "start", "'north' in start is not a number"),
                bad("start=1e12,0&run=sgd", "start", "within ±1e9"),
                bad("box=2,-2,-1,3&run=sgd", "box", "xmin < xmax"),
                bad("box=-2,2,-1&run=sgd", "box", "box needs 4 numbers", "box=<xmin>,<xmax>,<ymin>,<ymax>"),
                bad("f=x^2&run=sgd", "f", "f= applies only to surface=custom"),
                bad("surface=custom&run=sgd", "f", "needs an expression in x and y"),
                bad("surface=custom&f=x*(y&run=sgd", "f", "position"),
                bad("surface=custom&f=sin(x)%2Bfoo(y)&run=sgd", "f", "foo", "sin"),
                bad("surface=custom&f=T(java.lang.Runtime)&run=sgd", "f", "unknown name"),
                bad("surface=ravine&kappa=0&run=sgd", "kappa", "kappa = 0 is not accepted"),
                bad("surface=linreg&batch=31&run=sgd", "batch", "1 to 30 rows"),
                bad("surface=custom&f=" + "x+".repeat(300) + "x&run=sgd", "f", "at most 500"),
                bad("colour=red&run=sgd", "colour", "unknown parameter 'colour'", "surface", "steps", "run"));
    }

    private static Arguments bad(String query, String parameter, String... fragments) {
        return Arguments.of(query, parameter, fragments);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badQueries")
    void badQueriesNameTheParameterAndWhatIsAccepted(String query, String parameter, String[] fragments) {
        FormatException e = catchThrowableOfType(FormatException.class, () -> RunFormat.parse(query));

        assertThat(e).as("parse(%s) throws", query).isNotNull();
        assertThat(e.parameter()).isEqualTo(parameter);
        assertThat(e.getMessage()).contains(fragments);
    }

    @Test
    void badPercentEncodingInAValueNamesItsKey() {
        FormatException e = catchThrowableOfType(FormatException.class, () -> RunFormat.parse("run=sgd&steps=%zz"));

        assertThat(e.parameter()).isEqualTo("steps");
        assertThat(e.getMessage()).contains("'%zz' is not correctly percent-encoded", "%25");
    }

    @Test
    void badPercentEncodingInAKeyNamesTheKeyAsWritten() {
        FormatException e = catchThrowableOfType(FormatException.class, () -> RunFormat.parse("run=sgd&st%eps=1"));

        assertThat(e.parameter()).isEqualTo("st%eps");
        assertThat(e.getMessage()).contains("not correctly percent-encoded");
    }

    @Test
    void negativeZeroRoundTrips() {
        RunSpec spec = RunFormat.parse("start=-0,0&run=sgd:sched=constant,warmup=-0");

        assertThat(RunFormat.format(spec)).contains("start=-0,0&", "warmup=-0");
        assertThat(RunFormat.parse(RunFormat.format(spec))).isEqualTo(spec);
    }

    @Test
    void missingKeysTakeTheirDefaultsAndTheNormalisedQueryListsThemAll() {
        String normalised = RunFormat.format(RunFormat.parse("run=adam:lr=0.05"));

        assertThat(normalised).isEqualTo("surface=rosenbrock&start=-1.5,2&steps=500&box=-2,2,-1,3&noise=0&seed=0&batch=1"
                + "&run=adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-8,weight_decay=0,amsgrad=false,bias_correction=true,"
                + "sched=constant,warmup=0");
    }
}
