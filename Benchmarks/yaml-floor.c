/* The floor: scan a YAML file with libyaml's event parser and do nothing else.
 * No tool that reads YAML through libyaml can lint faster than this.
 * Build: cc -O2 -o yaml-floor yaml-floor.c $(pkg-config --cflags --libs yaml-0.1)
 * Usage: yaml-floor FILE...   (exit 1 on a parse error) */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv) {
    unsigned long events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); return 2; }
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_file(&parser, file);
        int done = 0;
        while (!done) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s: %s\n", argv[i], parser.problem ? parser.problem : "parse error");
                yaml_parser_delete(&parser);
                fclose(file);
                return 1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            events++;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        fclose(file);
    }
    printf("%lu events\n", events);
    return 0;
}
